// Values that stand in for a secret in documentation and templates rather than being one.
const PLACEHOLDER_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'secret',
  'token',
  'redacted',
  'hidden',
  'masked',
  'example',
  'null',
  'none',
  'nil',
  'undefined',
  'true',
  'false',
  'required',
  'optional',
  'string',
  'empty',
]);
const PLACEHOLDER_SHAPES = [
  /(.)\1{3,}/, // `*****`, `sk-xxxxxxxxxxxx`
  /^<[^>]*>$/, // `<your-password>`
  /^\$\{?[A-Za-z_]\w*\}?$/, // `$DB_PASSWORD`, `${DB_PASSWORD}`
  /^\{\{.*\}\}$/, // `{{ secret }}`
  /^%\(?\w*\)?s$/, // `%s`, `%(password)s`
  /^\[[^\]]*\]$/, // `[REDACTED]`, `[SECRET_1]`
  /(?:^|[_-])(?:your|my|the|some|example)[_-]|[_-]here$/i, // `YOUR_API_KEY`, `xoxb-your-token-here`
  /^[A-Za-z]*(?:pass|secret|token)[A-Za-z]*\d?$/i, // `mypassword`, `somesecret`, `token1`
  /^-/, // the next command-line option, not a value
  /^\$\(/, // a command substitution (`$(gh auth token)`)
  /^!/, // a YAML tag (`!vault |`), or code (`!!node.token`)
  /^<</, // a heredoc opener (`<<EOT`); the secret, if any, is on the lines after it
  /^(?:process\.env|os\.environ|env)[.[]/, // a reference to where the secret lives
  /^(?:~|\.{1,2})?\//, // a file path (`PWD=/home/app`, `--credentials /etc/creds.json`)
];
// Unquoted, these are code (`token = getToken(req)`, `password: auth[1]`, `apiKey: opts?.key`,
// `pass: u=!1`), not a literal.
const CODE_CHARACTERS = /[()[\]{}<>`$]|=[^=]/;
const MEMBER_PATH = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+$/;
// Real secrets are random or chosen to be hard: they have a digit or a symbol. Words joined by
// `-`, `_` or `.` (`same-origin`, `secret_name`) are enum values and identifiers.
const DIGIT_OR_SYMBOL = /[^A-Za-z_.-]/;
const WHITESPACE = /\s/;
const PASSPHRASE = /phrase/i;
const MIN_LENGTH = 4;

/** Where a value was assigned. */
export interface ValueContext {
  /** The setting's name (`DB_PASSWORD`); empty when there is none (a URL password). */
  name: string;
  /** In quotes or another delimiter (an XML element): a literal, never code. */
  quoted: boolean;
}

/** The last part of a name (`Token` of `ArrowToken`), lower-cased. */
function lastNamePart(name: string): string {
  return (name.match(/[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g)?.at(-1) ?? '').toLowerCase();
}

/**
 * True when an assigned value is plausibly a real secret rather than a placeholder, a
 * reference, code or prose: `password: required`, `token = getToken()` and
 * `ArrowToken = ArrowToken$1` are not secrets. Only a `…passphrase` may hold spaces.
 */
export function isSecretValue(value: string, context: ValueContext): boolean {
  if (value.length < MIN_LENGTH || PLACEHOLDER_WORDS.has(value.toLowerCase())) return false;
  if (PLACEHOLDER_SHAPES.some((shape) => shape.test(value))) return false;
  if (WHITESPACE.test(value)) return PASSPHRASE.test(context.name);
  const echoesName =
    lastNamePart(context.name).length >= 4 &&
    value.toLowerCase().includes(lastNamePart(context.name));
  if (echoesName || !DIGIT_OR_SYMBOL.test(value)) return false;
  return context.quoted || (!CODE_CHARACTERS.test(value) && !MEMBER_PATH.test(value));
}
