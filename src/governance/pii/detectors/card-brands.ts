/** One range of issuer identification numbers (IIN) and the card lengths it issues. */
interface IinRange {
  brand: string;
  /** Inclusive range of the card's first `from.length` digits. */
  from: string;
  to: string;
  lengths: readonly number[];
}

const SIXTEEN_TO_NINETEEN = [16, 17, 18, 19];

// Public IIN allocations of the major networks (ISO/IEC 7812 as published by each network).
const IIN_RANGES: readonly IinRange[] = [
  { brand: 'visa', from: '4', to: '4', lengths: [13, 16, 19] },
  { brand: 'mastercard', from: '51', to: '55', lengths: [16] },
  { brand: 'mastercard', from: '2221', to: '2720', lengths: [16] },
  { brand: 'amex', from: '34', to: '34', lengths: [15] },
  { brand: 'amex', from: '37', to: '37', lengths: [15] },
  { brand: 'diners', from: '300', to: '305', lengths: [14, 16, 17, 18, 19] },
  { brand: 'diners', from: '36', to: '36', lengths: [14, 15, 16, 17, 18, 19] },
  { brand: 'diners', from: '38', to: '39', lengths: [16, 17, 18, 19] },
  { brand: 'discover', from: '6011', to: '6011', lengths: SIXTEEN_TO_NINETEEN },
  { brand: 'discover', from: '644', to: '649', lengths: SIXTEEN_TO_NINETEEN },
  { brand: 'discover', from: '65', to: '65', lengths: SIXTEEN_TO_NINETEEN },
  { brand: 'jcb', from: '3528', to: '3589', lengths: SIXTEEN_TO_NINETEEN },
  { brand: 'unionpay', from: '62', to: '62', lengths: SIXTEEN_TO_NINETEEN },
  { brand: 'mir', from: '2200', to: '2204', lengths: SIXTEEN_TO_NINETEEN },
  { brand: 'maestro', from: '50', to: '50', lengths: [13, 14, 15, 16, 17, 18, 19] },
  { brand: 'maestro', from: '56', to: '58', lengths: [13, 14, 15, 16, 17, 18, 19] },
  { brand: 'maestro', from: '63', to: '63', lengths: [13, 14, 15, 16, 17, 18, 19] },
  { brand: 'maestro', from: '67', to: '67', lengths: [13, 14, 15, 16, 17, 18, 19] },
];

/** The network whose IIN ranges include this digit string at its length, or null. */
export function cardBrand(digits: string): string | null {
  for (const range of IIN_RANGES) {
    const prefix = digits.slice(0, range.from.length);
    if (prefix >= range.from && prefix <= range.to && range.lengths.includes(digits.length)) {
      return range.brand;
    }
  }
  return null;
}
