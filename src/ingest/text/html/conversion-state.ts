import { TextBuilder } from './text-builder.js';

/** An open `<ul>` or `<ol>`. */
export interface ListState {
  ordered: boolean;
  nextNumber: number;
}

/** Where an HTML-to-text conversion stands between two tokens. */
export interface ConversionState {
  out: TextBuilder;
  /** The element whose content is being dropped, and how deeply it nests in itself. */
  skipping: { name: string; depth: number } | null;
  inHead: boolean;
  preDepth: number;
  /** True until the first text of a `<pre>`, whose leading line feed HTML ignores. */
  preStarting: boolean;
  /** Level of the heading being written, 0 outside headings. */
  heading: number;
  lists: ListState[];
  /** Cells seen so far in the current table row. */
  cellIndex: number;
}

/** The state at the start of a document. */
export function initialState(): ConversionState {
  return {
    out: new TextBuilder(),
    skipping: null,
    inHead: false,
    preDepth: 0,
    preStarting: false,
    heading: 0,
    lists: [],
    cellIndex: 0,
  };
}

/** Starts a new line; inside a heading a space, so the heading stays one `#` line. */
export function breakLine(state: ConversionState): void {
  if (state.heading > 0) state.out.space();
  else state.out.breakLine();
}

/**
 * Starts a new paragraph; inside a heading a space, and inside a list a new line, since a blank
 * line would detach an item's paragraphs (`<li><p>`) from its bullet.
 */
export function breakParagraph(state: ConversionState): void {
  if (state.heading > 0) state.out.space();
  else if (state.lists.length > 0) state.out.breakLine();
  else state.out.breakParagraph();
}
