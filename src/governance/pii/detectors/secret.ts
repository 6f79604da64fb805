import { scan, type Verdict } from '../scan.js';
import type { PiiDetector, Span } from '../types.js';
import { isSecretName } from './secret-names.js';
import { isSecretValue } from './secret-values.js';

// Where a secret sits, tried in this order at each position:
// - the password of a URL (`postgres://app:s3cret@db:5432`, `redis://:s3cret@cache`);
// - an HTTP credential (`Bearer eyJ…`, `Basic dXNlcjpwYXNz`);
// - the text of an XML element (`<password>s3cret</password>`, as in Maven's settings.xml);
// - the value of a command-line option (`--db-password s3cret`);
// - the value of an assignment (`DB_PASSWORD=…`, `"clientSecret": "…"`, `api_key: …`).
// For an assignment only the separator is matched, and the name before it is read in code:
// matching names would start work at every word of the text. Values are read in code too, so
// when the name is not a secret's the scan goes on from the value (`Authorization: Bearer …`).
const SECRET_SITE = new RegExp(
  String.raw`(?<![\w+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:/@]{0,64}:(?<userinfo>[^\s/@]{1,128})@` +
    String.raw`|\b(?:Bearer|Basic)[ \t]+(?<credential>[A-Za-z0-9._~+/-]{12,}=*)` +
    String.raw`|<(?<tag>[A-Za-z_][\w.-]{0,40})>(?<element>[^<\r\n]{1,200})</\k<tag>>` +
    String.raw`|(?<![\w-])--(?=(?<option>[A-Za-z][\w-]{0,40}))\k<option>[ \t]+` +
    String.raw`|(?:=>|[=:])[ \t]*`,
  'g',
);
// Every site above needs one of these; text without any skips the scan.
const SITE_MARKER = /[:=<]|--|Bearer|Basic/;
const NAME_BEFORE = /(?<![\w.])([A-Za-z_][\w.-]{0,40})["']?[ \t]*$/;
const ASSIGNED_VALUE = /"([^"\r\n]{1,200})"|'([^'\r\n]{1,200})'|([^\s"',;]{1,200})/y;
// An unquoted value ends before a sentence's punctuation or the next query parameter.
const VALUE_TAIL = /[.,;:)\]}]+$|&[\w.-]+=.*$/;
const DIGIT = /\d/;

/** The name of the setting assigned by the separator at `index` (`DB_PASSWORD=`), or ''. */
function nameBefore(text: string, index: number): string {
  return NAME_BEFORE.exec(text.slice(Math.max(0, index - 48), index))?.[1] ?? '';
}

/** The span of a value assigned at `start` to a setting called `name`, if it is a secret. */
function assignedSecret(text: string, start: number, name: string): Span | null {
  ASSIGNED_VALUE.lastIndex = start;
  const value = ASSIGNED_VALUE.exec(text);
  if (value === null) return null;
  const quoted = value[3] === undefined;
  const raw = value[1] ?? value[2] ?? (value[3] ?? '').replace(VALUE_TAIL, '');
  const valueStart = quoted ? start + 1 : start;
  return isSecretValue(raw, { name, quoted })
    ? { start: valueStart, end: valueStart + raw.length }
    : null;
}

/** The span of `value` where it ends `before` characters from the end of `match`. */
function trailing(match: RegExpExecArray, value: string, before = 0): Span {
  const end = match.index + match[0].length - before;
  return { start: end - value.length, end };
}

/** The secret at one matched site, or null. */
function secretAt(text: string, site: RegExpExecArray): Verdict {
  const { userinfo, credential, tag, element, option } = site.groups ?? {};
  if (userinfo !== undefined) {
    const secret = isSecretValue(userinfo, { name: '', quoted: false });
    return secret ? trailing(site, userinfo, '@'.length) : null;
  }
  if (credential !== undefined) {
    // Real tokens are random; "Bearer authentication" in prose has no digit.
    return DIGIT.test(credential) ? trailing(site, credential) : null;
  }
  if (tag !== undefined && element !== undefined) {
    const secret = isSecretName(tag) && isSecretValue(element, { name: tag, quoted: true });
    return secret ? trailing(site, element, `</${tag}>`.length) : null;
  }
  const name = option ?? nameBefore(text, site.index);
  if (!isSecretName(name)) return null;
  const span = assignedSecret(text, site.index + site[0].length, name);
  return span === null ? null : { ...span, resumeAt: span.end };
}

/**
 * Secrets by position rather than by format: values assigned to password/secret/token/key
 * settings (`.env`, YAML, JSON, XML, code, command lines), `Bearer`/`Basic` credentials, and URL
 * passwords. Only the value is reported, so `password=[SECRET_1]` stays readable. Placeholders
 * (`${VAR}`, `<password>`, `********`), code (`token = getToken()`) and prose
 * (`password: required`) are not secrets.
 */
export const secretDetector: PiiDetector = {
  type: 'SECRET',
  find: (text) =>
    SITE_MARKER.test(text) ? scan(text, SECRET_SITE, (match) => secretAt(text, match)) : [],
};
