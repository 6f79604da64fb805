/** A run of `*`, `_` or `~~` that may open or close emphasis. */
export interface Delimiter {
  /** Index of the run in the output parts. */
  part: number;
  char: string;
  length: number;
  canOpen: boolean;
  canClose: boolean;
}

const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * Whether a run of delimiter characters between `before` and `after` (the neighbouring
 * characters, '' at the line's ends) can open and close emphasis. Stricter than CommonMark: a
 * run between two word characters does neither, so `snake_case` and `2*3*4` stay intact.
 */
export function flanking(before: string, after: string): { canOpen: boolean; canClose: boolean } {
  const spaceBefore = before === '' || WHITESPACE.test(before);
  const spaceAfter = after === '' || WHITESPACE.test(after);
  return {
    canOpen: !spaceAfter && (spaceBefore || PUNCTUATION.test(before)),
    canClose: !spaceBefore && (spaceAfter || PUNCTUATION.test(after)),
  };
}

/**
 * Removes the delimiter runs that pair up as emphasis from `parts` (in place): each closer takes
 * characters from the nearest unclosed openers of its character. Unpaired runs are kept as text,
 * so a stray `*` or `_` is never lost.
 */
export function removeEmphasis(parts: string[], delimiters: readonly Delimiter[]): void {
  const openers = new Map<string, { delimiter: Delimiter; remaining: number }[]>();
  const removed = new Map<Delimiter, number>();
  for (const delimiter of delimiters) {
    const stack = openers.get(delimiter.char) ?? [];
    openers.set(delimiter.char, stack);
    let remaining = delimiter.length;
    while (delimiter.canClose && remaining > 0 && stack.length > 0) {
      const opener = stack.at(-1);
      if (!opener) break;
      const used = Math.min(opener.remaining, remaining);
      opener.remaining -= used;
      remaining -= used;
      removed.set(opener.delimiter, (removed.get(opener.delimiter) ?? 0) + used);
      removed.set(delimiter, (removed.get(delimiter) ?? 0) + used);
      if (opener.remaining === 0) stack.pop();
    }
    if (delimiter.canOpen && remaining === delimiter.length) stack.push({ delimiter, remaining });
  }
  for (const [delimiter, count] of removed) {
    parts[delimiter.part] = delimiter.char.repeat(delimiter.length - count);
  }
}
