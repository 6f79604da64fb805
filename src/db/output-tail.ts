/** Keeps the end of what a process printed, for a one-line failure report. */
export class OutputTail {
  readonly #limit: number;
  #text = '';

  /** @param limit characters kept. Default: 2000. */
  constructor(limit = 2000) {
    this.#limit = limit;
  }

  /** Appends `chunk`; returns true (PGlite's `onStdout`/`onStderr`: "handled, don't print"). */
  add(chunk: string): true {
    this.#text = (this.#text + chunk).slice(-this.#limit);
    return true;
  }

  /** What was kept: at most `limit` characters, with long lines (minified code) cut short. */
  text(): string {
    return this.#text
      .split('\n')
      .map((line) => (line.length > 200 ? `${line.slice(0, 200)}…` : line))
      .join('\n')
      .trim();
  }
}
