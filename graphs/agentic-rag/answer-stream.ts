const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Decodes one top-level string field of a JSON object while the object is still streaming, so
 * the answer can be shown as the model writes `{"answer": "…", "citations": […]}`. Feed it
 * the raw text in pieces of any size; each {@link push} returns the field's newly decoded
 * characters. Text before the object (a ```json fence) and after it is ignored; only the first
 * occurrence of the field counts. The concatenation of all returns equals the decoded value.
 */
export class JsonStringFieldReader {
  readonly #field: string;
  #depth = 0;
  #closed = false;
  #expectKey = false;
  #inString = false;
  #target: 'key' | 'field' | 'other' = 'other';
  #escape: string | null = null;
  #key = '';
  #lastKey = '';
  #fieldDone = false;

  /** `field` default: `'answer'`. */
  constructor(field = 'answer') {
    this.#field = field;
  }

  /** Reads the next piece of raw text; returns the field's characters decoded from it. */
  push(text: string): string {
    let out = '';
    for (const char of text) {
      if (this.#closed) break;
      out += this.#inString ? this.#stringChar(char) : this.#structureChar(char);
    }
    return out;
  }

  #stringChar(char: string): string {
    let decoded: string;
    if (this.#escape !== null) {
      this.#escape += char;
      if (this.#escape[0] === 'u') {
        if (this.#escape.length < 5) return '';
        decoded = String.fromCharCode(Number.parseInt(this.#escape.slice(1), 16));
      } else decoded = ESCAPES[this.#escape] ?? '';
      this.#escape = null;
    } else if (char === '\\') {
      this.#escape = '';
      return '';
    } else if (char === '"') {
      this.#inString = false;
      if (this.#target === 'key') this.#lastKey = this.#key;
      if (this.#target === 'field') this.#fieldDone = true;
      return '';
    } else decoded = char;
    if (this.#target === 'key') this.#key += decoded;
    return this.#target === 'field' ? decoded : '';
  }

  #structureChar(char: string): string {
    if (this.#depth === 0 && char !== '{') return '';
    if (char === '{' || char === '[') {
      this.#depth++;
      if (this.#depth === 1) this.#expectKey = true;
    } else if (char === '}' || char === ']') {
      this.#depth--;
      if (this.#depth === 0) this.#closed = true;
    } else if (this.#depth === 1 && char === ',') this.#expectKey = true;
    else if (this.#depth === 1 && char === ':') this.#expectKey = false;
    else if (char === '"') this.#openString();
    return '';
  }

  #openString(): void {
    this.#inString = true;
    if (this.#depth !== 1) this.#target = 'other';
    else if (this.#expectKey) {
      this.#target = 'key';
      this.#key = '';
    } else if (this.#lastKey === this.#field && !this.#fieldDone) this.#target = 'field';
    else this.#target = 'other';
  }
}

/** The answer text a client was shown for `raw`: its `answer` field as far as it got. */
export function displayedAnswer(raw: string): string {
  return new JsonStringFieldReader().push(raw);
}
