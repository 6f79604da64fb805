// Name parts that make an assigned value a secret (`DB_PASSWORD`, `clientSecret`, `apiKey`)…
const SECRET_PARTS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'credential',
  'credentials',
]);
// Names written as one word (`PGPASSWORD`, `csrftoken`, `CLIENTSECRET`) end with one of these.
const SECRET_SUFFIXES = ['password', 'passwd', 'secret', 'token', 'apikey'];
// …`key` after one of these (`api_key`, `secret-key`, `signingKey`)…
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'secret',
  'private',
  'signing',
  'encryption',
  'master',
]);
// …unless the name says the value is about the secret rather than the secret itself.
const METADATA_PARTS = new Set([
  'tokens',
  'type',
  'count',
  'length',
  'len',
  'min',
  'max',
  'limit',
  'expiry',
  'expires',
  'expiration',
  'ttl',
  'url',
  'uri',
  'endpoint',
  'name',
  'file',
  'path',
  'policy',
  'hint',
  'reset',
  'field',
  'label',
  'id',
  'rotation',
  'version',
]);

/** Splits `DB_PASSWORD`, `clientSecret`, `api-key.v2` into lower-case parts. */
function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// Every secret name contains one of these; most names do not, and this test is cheap.
const SECRET_HINT = /pass|pwd|secret|token|key|credential/i;

/** True when a setting, field or header named `name` holds a secret value. */
export function isSecretName(name: string): boolean {
  if (!SECRET_HINT.test(name)) return false;
  const parts = nameParts(name);
  if (parts.some((part) => METADATA_PARTS.has(part))) return false;
  return parts.some(
    (part, index) =>
      SECRET_PARTS.has(part) ||
      SECRET_SUFFIXES.some((suffix) => part.endsWith(suffix)) ||
      (part === 'key' && KEY_QUALIFIERS.has(parts[index - 1] ?? '')),
  );
}
