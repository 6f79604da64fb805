// HTML's inter-element whitespace, plus the no-break space that `&nbsp;` padding produces.
const COLLAPSIBLE_SPACE = /[ \t\n\f\r\u00A0]+/g;

/**
 * Accumulates the text of an HTML document. Line and paragraph breaks are owed, not written,
 * until more text arrives, so nested blocks never stack blank lines and none trail the output.
 */
export class TextBuilder {
  #parts: string[] = [];
  #owedLineFeeds = 0;
  #owedSpace = false;
  #lineHasText = false;
  #marker = '';

  /** Appends inline text; every run of whitespace becomes one space. */
  inline(text: string): void {
    const collapsed = text.replace(COLLAPSIBLE_SPACE, ' ');
    const leading = collapsed.startsWith(' ');
    const trailing = collapsed.length > 1 && collapsed.endsWith(' ');
    const words = collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    if (leading) this.#owedSpace = true;
    if (words !== '') this.#write(words);
    if (trailing) this.#owedSpace = true;
  }

  /** Appends text exactly as given (preformatted content). */
  verbatim(text: string): void {
    if (text === '') return;
    this.#write(text);
    this.#lineHasText = !text.endsWith('\n');
  }

  /** Owes a space before the next text (a `<br>` inside a heading). */
  space(): void {
    this.#owedSpace = true;
  }

  /** Owes a line break before the next text. */
  breakLine(): void {
    this.#owedLineFeeds = Math.max(this.#owedLineFeeds, 1);
  }

  /** Owes a blank line before the next text. */
  breakParagraph(): void {
    this.#owedLineFeeds = 2;
  }

  /**
   * Sets a line prefix (`- `, `## `, a code fence) written just before the next text, and only
   * if text follows: an empty list item or heading leaves nothing behind.
   */
  setMarker(marker: string): void {
    this.#marker = marker;
  }

  /** Drops a marker no text has claimed; true when there was one. */
  dropUnusedMarker(): boolean {
    const unused = this.#marker !== '';
    this.#marker = '';
    return unused;
  }

  /** Everything written so far. */
  toString(): string {
    return this.#parts.join('');
  }

  #write(text: string): void {
    // After preformatted text that ended its line, one owed line feed is already there.
    const lineFeeds = this.#lineHasText ? this.#owedLineFeeds : this.#owedLineFeeds - 1;
    if (lineFeeds > 0 && this.#parts.length > 0) {
      this.#parts.push('\n'.repeat(lineFeeds));
      this.#lineHasText = false;
    }
    if (this.#marker !== '') {
      this.#parts.push(this.#marker);
    } else if (this.#owedSpace && this.#lineHasText) {
      this.#parts.push(' ');
    }
    this.#parts.push(text);
    this.#owedLineFeeds = 0;
    this.#owedSpace = false;
    this.#marker = '';
    this.#lineHasText = true;
  }
}
