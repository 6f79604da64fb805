import type { ConversionState } from './conversion-state.js';
import { initialState } from './conversion-state.js';
import { decodeEntities } from './decode-entities.js';
import { closeElement, openElement } from './element-handlers.js';
import { tokenizeHtml } from './tokenize-html.js';
import type { HtmlToken } from './tokenize-html.js';

/**
 * The readable text of an HTML document or fragment. Scripts, styles, `<head>`, SVG, templates
 * and comments are dropped; block elements become line breaks and paragraphs; `h1`…`h6` become
 * Markdown `#`…`######` lines, list items `- ` (or `1. ` in ordered lists), table cells are
 * joined by ` | `, `<pre>` keeps its whitespace inside a ``` fence, images give their alt text,
 * and entities are decoded. Whitespace inside lines is collapsed. Linear in the input's length.
 */
export function htmlToText(html: string): string {
  const state = initialState();
  for (const token of tokenizeHtml(html)) {
    if (state.skipping) {
      if (!isStillSkipping(state.skipping, token)) state.skipping = null;
    } else if (token.kind === 'open') {
      openElement(state, token);
    } else if (token.kind === 'close') {
      closeElement(state, token.name);
    } else {
      writeText(state, token.text);
    }
  }
  return state.out.toString();
}

/** Follows nesting inside a dropped element; false once its end tag closes it. */
function isStillSkipping(skipping: { name: string; depth: number }, token: HtmlToken): boolean {
  if (token.kind === 'open' && token.name === skipping.name && !token.selfClosing) {
    skipping.depth++;
  } else if (token.kind === 'close' && token.name === skipping.name) {
    skipping.depth--;
  }
  return skipping.depth > 0;
}

function writeText(state: ConversionState, raw: string): void {
  if (state.inHead) {
    // Whitespace between head elements is no content; anything else ends an unclosed head.
    if (raw.trim() === '') return;
    state.inHead = false;
  }
  const text = decodeEntities(raw);
  if (state.preDepth === 0) {
    state.out.inline(text);
  } else {
    state.out.verbatim(state.preStarting && text.startsWith('\n') ? text.slice(1) : text);
    state.preStarting = false;
  }
}
