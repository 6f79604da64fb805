import { describe, expect, it } from 'vitest';
import { ibanRemainder, passesLuhn } from '../../../src/governance/pii/checksums.js';

describe('passesLuhn', () => {
  it.each(['4111111111111111', '378282246310005', '6011111111111117', '79927398713'])(
    'accepts %s',
    (digits) => expect(passesLuhn(digits)).toBe(true),
  );

  it.each(['4111111111111112', '378282246310006', '79927398710', '', '4111-1111'])(
    'rejects %j',
    (digits) => expect(passesLuhn(digits)).toBe(false),
  );
});

describe('ibanRemainder', () => {
  it('leaves 1 for valid IBANs and something else when a character changes', () => {
    expect(ibanRemainder('DE89370400440532013000')).toBe(1);
    expect(ibanRemainder('GB82WEST12345698765432')).toBe(1);
    expect(ibanRemainder('DE89370400440532013001')).not.toBe(1);
    expect(ibanRemainder('GB82WEST12345698765433')).not.toBe(1);
  });

  it('answers -1 for characters an IBAN cannot hold', () => {
    expect(ibanRemainder('DE89 3704')).toBe(-1);
  });
});
