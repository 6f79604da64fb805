import { describe, expect, it } from 'vitest';
import { detectPii, type PiiType } from '../../../src/governance/pii.js';

/** The values of one type found in `text`. */
function found(type: PiiType, text: string): string[] {
  return detectPii(text, [type]).map((match) => match.value);
}

describe('EMAIL', () => {
  it('finds addresses with tags, subdomains and upper case', () => {
    expect(found('EMAIL', 'Mail Jane.Doe+news@Mail.Example.co.uk.')).toEqual([
      'Jane.Doe+news@Mail.Example.co.uk',
    ]);
  });

  it.each(['icon@2x.png', 'lodash@4.17.21', '@jane_doe', 'root@localhost', 'a..b@example.com'])(
    'ignores %s',
    (text) => expect(found('EMAIL', text)).toEqual([]),
  );

  it('leaves the credentials of a URL to the SECRET detector', () => {
    expect(found('EMAIL', 'postgres://app:pw@db.example.com/x')).toEqual([]);
  });
});

describe('PHONE', () => {
  it.each([
    '(555) 123-4567',
    '+44 20 7946 0958',
    '+33 1 23 45 67 89',
    '+14155552671',
    '1-800-555-0199',
    '020 7946 0958',
    '(02) 9876 5432',
    '0049 30 901820',
  ])('finds %s', (phone) => expect(found('PHONE', `call ${phone} today`)).toEqual([phone]));

  it.each([
    '2024-03-15',
    '2024-03-15T14:30:00+02:00',
    '10.0.19045',
    'v1.2.3',
    'ORD-2024-0012345',
    '94105-1234',
    '01.02.2024',
    '123-456-7890',
    'backoff 250-500-1000 ms',
    'Order no. 555-123-4567',
    '<Buffer 08 00 00 00 00 00 00>',
  ])('ignores %s', (text) => expect(found('PHONE', text)).toEqual([]));
});

describe('CREDIT_CARD', () => {
  it('finds Luhn-valid numbers of known networks, grouped or not, without a trailing expiry', () => {
    expect(found('CREDIT_CARD', 'Visa 4111 1111 1111 1111 12/27, Amex 3782-822463-10005')).toEqual([
      '4111 1111 1111 1111',
      '3782-822463-10005',
    ]);
    expect(found('CREDIT_CARD', 'pan=4242424242424242&cvv=123')).toEqual(['4242424242424242']);
  });

  it.each([
    ['a Luhn failure', '4111 1111 1111 1112'],
    ['an unknown network', '9111 1111 1111 1117'],
    ['a length the network does not issue', '3782822463100052 and 411111111111116'],
    ['digits inside a hash', 'a4111111111111111f'],
    ['a longer digit run', '41111111111111110000'],
    ['an order number', 'Order #: 4111 1111 1111 1111'],
  ])('ignores %s', (_, text) => expect(found('CREDIT_CARD', text)).toEqual([]));
});

describe('IBAN', () => {
  it('finds compact and grouped IBANs of exactly the country length', () => {
    expect(found('IBAN', 'IBAN DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX')).toEqual([
      'DE89 3704 0044 0532 0130 00',
    ]);
    expect(found('IBAN', 'iban=GB82WEST12345698765432;')).toEqual(['GB82WEST12345698765432']);
  });

  it.each([
    ['wrong check digits', 'DE88 3704 0044 0532 0130 00'],
    ['an unregistered country', 'XX89 3704 0044 0532 0130 00'],
    ['a VAT id', 'DE123456789'],
    ['an IBAN running on', 'DE89370400440532013000123'],
  ])('ignores %s', (_, text) => expect(found('IBAN', text)).toEqual([]));
});

describe('US_SSN', () => {
  it('finds separated numbers, and bare ones after an SSN label', () => {
    expect(found('US_SSN', 'SSN 536-22-8142, 536 22 8143; ssn: 536228144')).toEqual([
      '536-22-8142',
      '536 22 8143',
      '536228144',
    ]);
  });

  it.each(['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000'])(
    'ignores the never-issued %s',
    (ssn) => expect(found('US_SSN', `SSN ${ssn}`)).toEqual([]),
  );

  it('ignores unlabelled nine-digit numbers and mixed separators', () => {
    expect(found('US_SSN', 'order 536228142 and 536-22 8142')).toEqual([]);
  });
});

describe('IP_ADDRESS', () => {
  it('finds IPv4 and every IPv6 text form', () => {
    const text =
      '10.0.0.5:80, 2001:db8::1, ::1, fe80::1%eth0, ::ffff:192.0.2.1, [2001:db8::42]:443';
    expect(found('IP_ADDRESS', text)).toEqual([
      '10.0.0.5',
      '2001:db8::1',
      '::1',
      'fe80::1',
      '::ffff:192.0.2.1',
      '2001:db8::42',
    ]);
  });

  it.each([
    '1.2.3',
    '256.1.1.1',
    '1.2.3.4.5',
    'version 1.0.0.0',
    'section 1.2.3.4',
    '10:30:00',
    '00:1A:2B:3C:4D:5E',
    'std::vector',
    'dead::beef',
    '1:2:3:4:5:6:7:8:9',
  ])('ignores %s', (text) => expect(found('IP_ADDRESS', text)).toEqual([]));
});

describe('API_KEY', () => {
  it.each([
    'sk-proj-PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O76UMFx',
    'sk-ant-api03-r3yBdGBLEPH1qhT61qtc4xatws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2jB-AA',
    'AKIAIOSFODNN7EXAMPLE',
    'ghp_USZGi6HWGK10Zb0RLZ5TR9SPofbciOx9gy1C',
    'github_pat_11FJ7QXI6RHXO55ZBKA52Z_tUjAwyuh1vauWv1zh87mTa5Vsq',
    'xoxb-6068831067-9247082276544-qVVPqzPptEJQzhkPkenG5ZFJ',
    'sk_live_51K6cPTt9iOqHOBSWhgetH8L',
    'AIzaQyx7eNWVQ4vnakJkS1pAWTN3lg8zV5yPU8d',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  ])('finds %s', (key) => expect(found('API_KEY', `key: ${key}.`)).toEqual([key]));

  it.each([
    'sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
    'risk-adjusted-returns-model-2024-x',
    'pk_live_51Hq2cLKs8e7YJf3abcdefgh',
    'eyJmb28iOiJiYXIifQ.eyJmb28iOiJiYXIifQ.abc',
  ])('ignores %s', (text) => expect(found('API_KEY', text)).toEqual([]));
});

describe('SECRET', () => {
  it.each([
    ['DB_PASSWORD=Tr0ub4dor&3', 'Tr0ub4dor&3'],
    ['"client_secret": "8f3kLm29QzX7vB1n"', '8f3kLm29QzX7vB1n'],
    ['postgres://app:pg_Pa55w0rd@db:5432/x', 'pg_Pa55w0rd'],
    ['Authorization: Bearer abc123def456ghi789', 'abc123def456ghi789'],
    ['<password>N3xus!Deploy</password>', 'N3xus!Deploy'],
    ['mysql --password hunter2!', 'hunter2!'],
    ['?user=1&access_token=aZ7Vt0SXjMpu&format=csv', 'aZ7Vt0SXjMpu'],
    ['passphrase: "correct horse battery staple"', 'correct horse battery staple'],
  ])('finds the value in %s', (text, value) => expect(found('SECRET', text)).toEqual([value]));

  it.each([
    'password: required',
    'Password: ********',
    'password=${DB_PASSWORD}',
    'password: <your-password>',
    'max_tokens=2048',
    'password_min_length: 12',
    'postgres://user:password@localhost/db',
    'token = getToken(request)',
    'apiKey: options?.apiKey',
    'credentials: "same-origin"',
    'Bearer authentication is required',
    'secret: "some words in quotes"',
    'PWD=/home/app',
  ])('ignores %s', (text) => expect(found('SECRET', text)).toEqual([]));
});

describe('PRIVATE_KEY', () => {
  const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';

  it('finds a whole PEM block, and a truncated one through its body', () => {
    const key = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    expect(found('PRIVATE_KEY', `key:\n${key}\nend`)).toEqual([key]);
    const cut = `-----BEGIN PRIVATE KEY-----\n${body}`;
    expect(found('PRIVATE_KEY', `${cut}\n`)).toEqual([cut]);
  });

  it('ignores public keys, certificates and a BEGIN line mentioned in prose', () => {
    const text = `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----\n never paste -----BEGIN PRIVATE KEY----- lines`;
    expect(found('PRIVATE_KEY', text)).toEqual([]);
  });
});
