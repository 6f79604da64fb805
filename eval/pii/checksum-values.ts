/**
 * One-off generator of checksum-correct (and deliberately wrong) card numbers and IBANs for
 * the hand-written cases in `cases.jsonl`: `node --import tsx eval/pii/checksum-values.ts`.
 * Deterministic (seeded), so the values in the committed cases can be regenerated and checked.
 */
import { ibanRemainder, passesLuhn } from '../../src/governance/pii/checksums.js';

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seededRandom(20_240_611);
const digits = (count: number): string =>
  Array.from({ length: count }, () => Math.floor(random() * 10)).join('');

/** A card number with this prefix and length whose last digit makes the Luhn check pass. */
function card(prefix: string, length: number): string {
  const body = prefix + digits(length - prefix.length - 1);
  for (let check = 0; check <= 9; check++) {
    if (passesLuhn(body + check)) return body + check;
  }
  throw new Error('unreachable');
}

/** The same number with its last digit changed, so the Luhn check fails. */
function breakLuhn(number: string): string {
  const last = Number(number.at(-1));
  return number.slice(0, -1) + String((last + 1) % 10);
}

/** An IBAN for a country and BBAN, with correct check digits. */
function iban(country: string, bban: string): string {
  const check = 98 - ibanRemainder(`${country}00${bban}`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

const groupsOf4 = (value: string): string => value.replace(/(.{4})(?=.)/g, '$1 ');

const cards = {
  visa16: [1, 2, 3, 4, 5, 6, 7, 8].map(() => card('4', 16)),
  visa13: card('4', 13),
  visa19: card('4', 19),
  mastercard: ['51', '53', '55', '2221', '2720'].map((prefix) => card(prefix, 16)),
  amex: ['34', '37', '37'].map((prefix) => card(prefix, 15)),
  discover: ['6011', '65', '644'].map((prefix) => card(prefix, 16)),
  diners: ['36', '300'].map((prefix) => card(prefix, 14)),
  jcb: ['3530', '3566'].map((prefix) => card(prefix, 16)),
  unionpay: card('62', 16),
  unionpay19: card('62', 19),
  maestro: card('6759', 16),
  mir: card('2201', 16),
};
const failingLuhn = [4, 5, 4, 3, 6, 5, 4, 5].map((first, index) =>
  breakLuhn(card(String(first) + (index % 2 === 0 ? '' : '5'), first === 3 ? 15 : 16)),
);

const bbans: [string, string][] = [
  ['DE', digits(18)],
  ['GB', `NWBK${digits(14)}`],
  ['FR', digits(23)],
  ['NL', `ABNA${digits(10)}`],
  ['ES', digits(20)],
  ['IT', `X${digits(22)}`],
  ['CH', digits(17)],
  ['BE', digits(12)],
  ['AT', digits(16)],
  ['PL', digits(24)],
  ['SE', digits(20)],
  ['NO', digits(11)],
  ['IE', `AIBK${digits(14)}`],
  ['PT', digits(21)],
  ['DK', digits(14)],
  ['FI', digits(14)],
  ['LU', digits(16)],
  ['SA', digits(20)],
  ['AE', digits(19)],
  ['TR', digits(22)],
];
const ibans = bbans.map(([country, bban]) => iban(country, bban));
const failingMod97 = ibans.slice(0, 8).map((value) => {
  const check = Number(value.slice(2, 4));
  return value.slice(0, 2) + String(((check + 7) % 97) + 2).padStart(2, '0') + value.slice(4);
});

process.stdout.write(
  `${JSON.stringify(
    {
      cards,
      failingLuhn,
      ibans: ibans.map((value) => ({ compact: value, grouped: groupsOf4(value) })),
      failingMod97: failingMod97.map((value) => ({ compact: value, grouped: groupsOf4(value) })),
    },
    null,
    2,
  )}\n`,
);
