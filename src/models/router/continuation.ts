import type { ChatMessage } from '../types.js';
import { withSystemNote } from './system-note.js';

/** The instruction a model gets when it takes over a cut answer. */
export const CONTINUE_INSTRUCTION =
  'Your previous answer was cut off. The last assistant message is the answer so far. Continue ' +
  'it exactly where it stops: do not repeat any of it, do not start over, add no preamble.';

/**
 * The messages that ask a model to continue `partial`: the original conversation, the
 * continuation instruction in the system message, and the partial answer as the trailing
 * assistant message.
 */
export function continuationMessages(
  messages: readonly ChatMessage[],
  partial: string,
): ChatMessage[] {
  return [
    ...withSystemNote(messages, CONTINUE_INSTRUCTION),
    { role: 'assistant', content: partial },
  ];
}

/** Overlaps shorter than this are taken as coincidence, not as a repeat. */
const MIN_OVERLAP = 6;
/** Longest continuation prefix held back while it might still be a repeat. */
const MAX_HOLD = 400;

const isBoundary = (char: string | undefined): boolean =>
  char === undefined || /[\s\p{P}]/u.test(char);

/**
 * Removes the part of a continuation that repeats the end of the text it continues. Models told
 * to continue often restart the last sentence or words; the router must not show them twice.
 *
 * The start of the continuation is held back while it still occurs inside `prefix` (it may be a
 * repeat), at most {@link MAX_HOLD} characters; then the longest suffix of `prefix` that the
 * continuation starts with is dropped, if it is at least {@link MIN_OVERLAP} characters and
 * made of whole words. Everything after that passes through unchanged.
 */
export class OverlapTrimmer {
  readonly #prefix: string;
  #pending = '';
  #decided = false;

  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  /** Feeds the next continuation text; returns what may be emitted now (maybe ''). */
  push(text: string): string {
    if (this.#decided) return text;
    this.#pending += text;
    if (this.#pending.length < MAX_HOLD && this.#prefix.includes(this.#pending)) return '';
    return this.#decide();
  }

  /** Ends the continuation; returns whatever was still held back, trimmed. */
  flush(): string {
    return this.#decided ? '' : this.#decide();
  }

  #decide(): string {
    this.#decided = true;
    const pending = this.#pending;
    this.#pending = '';
    const prefix = this.#prefix;
    for (let length = Math.min(prefix.length, pending.length); length >= MIN_OVERLAP; length--) {
      const start = prefix.length - length;
      const wholeWords = isBoundary(prefix[start - 1]) || isBoundary(prefix[start]);
      const endsOnWord = isBoundary(pending[length - 1]) || isBoundary(pending[length]);
      if (wholeWords && endsOnWord && pending.startsWith(prefix.slice(start)))
        return pending.slice(length);
    }
    return pending;
  }
}
