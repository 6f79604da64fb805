/** True when a string of decimal digits passes the Luhn (mod 10) check used by payment cards. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * The ISO 13616 remainder of an IBAN written without spaces: the first four characters move to
 * the end, letters become 10–35, and the number is taken mod 97. A valid IBAN leaves 1.
 */
export function ibanRemainder(compactIban: string): number {
  const rearranged = compactIban.slice(4) + compactIban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code >= 48 && code <= 57) {
      remainder = (remainder * 10 + (code - 48)) % 97;
    } else if (code >= 65 && code <= 90) {
      remainder = (remainder * 100 + (code - 55)) % 97;
    } else {
      return -1;
    }
  }
  return remainder;
}
