/**
 * Cuts `text` into pieces that each end after a run of white space, the way a model streams
 * words: the pieces concatenate back to `text` exactly. In JSON text (which has white space
 * only inside strings once serialised) this cuts string values, such as an answer, word by word;
 * escapes are never split, since none contains white space.
 */
export function wordPieces(text: string): string[] {
  return text.match(/\S*\s+|\S+$/gu) ?? [];
}
