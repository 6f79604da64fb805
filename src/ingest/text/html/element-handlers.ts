import type { ConversionState } from './conversion-state.js';
import { breakLine, breakParagraph } from './conversion-state.js';
import { decodeEntities } from './decode-entities.js';
import {
  HEAD_ELEMENTS,
  headingLevel,
  LINE_ELEMENTS,
  PARAGRAPH_ELEMENTS,
  SKIPPED_ELEMENTS,
  VOID_ELEMENTS,
} from './elements.js';
import type { HtmlToken } from './tokenize-html.js';

type OpenTag = Extract<HtmlToken, { kind: 'open' }>;

/** Applies a start tag: starts skipping, a block, a list item, a heading, a cell… */
export function openElement(state: ConversionState, tag: OpenTag): void {
  const { name } = tag;
  if (name === 'head') {
    state.inHead = true;
    return;
  }
  if (state.inHead && !HEAD_ELEMENTS.has(name)) state.inHead = false;
  if (SKIPPED_ELEMENTS.has(name) || state.inHead) {
    if (!tag.selfClosing && !VOID_ELEMENTS.has(name)) state.skipping = { name, depth: 1 };
    return;
  }
  const level = headingLevel(name);
  if (level > 0) {
    breakParagraph(state);
    state.heading = level;
    state.out.setMarker(`${'#'.repeat(level)} `);
  } else if (name === 'br') {
    breakLine(state);
  } else if (name === 'li') {
    openListItem(state);
  } else if (name === 'ul' || name === 'ol') {
    if (state.lists.length > 0) breakLine(state);
    else breakParagraph(state);
    const start = Number.parseInt(tag.attributes.get('start') ?? '1', 10);
    state.lists.push({ ordered: name === 'ol', nextNumber: Number.isNaN(start) ? 1 : start });
  } else if (name === 'pre') {
    breakParagraph(state);
    state.preDepth++;
    state.preStarting = true;
    if (state.preDepth === 1) state.out.setMarker('```\n');
  } else if (name === 'td' || name === 'th') {
    if (state.cellIndex > 0) state.out.inline(' | ');
    state.cellIndex++;
  } else if (name === 'img') {
    state.out.inline(decodeEntities(tag.attributes.get('alt') ?? ''));
  } else if (PARAGRAPH_ELEMENTS.has(name)) {
    breakParagraph(state);
  } else if (LINE_ELEMENTS.has(name)) {
    breakLine(state);
  }
  if (name === 'tr') state.cellIndex = 0;
}

function openListItem(state: ConversionState): void {
  const list = state.lists.at(-1) ?? { ordered: false, nextNumber: 1 };
  const indent = '  '.repeat(Math.max(state.lists.length - 1, 0));
  const bullet = list.ordered ? `${list.nextNumber++}. ` : '- ';
  breakLine(state);
  state.out.setMarker(indent + bullet);
}

/** Applies an end tag: ends a block, a list, a heading or preformatted text. */
export function closeElement(state: ConversionState, name: string): void {
  if (name === 'head') {
    state.inHead = false;
    return;
  }
  if (headingLevel(name) > 0) {
    state.out.dropUnusedMarker();
    state.heading = 0;
    breakParagraph(state);
  } else if (name === 'li') {
    state.out.dropUnusedMarker();
    breakLine(state);
  } else if (name === 'ul' || name === 'ol') {
    state.lists.pop();
    if (state.lists.length > 0) breakLine(state);
    else breakParagraph(state);
  } else if (name === 'pre' && state.preDepth > 0) {
    state.preDepth--;
    if (state.preDepth === 0 && !state.out.dropUnusedMarker()) {
      state.out.breakLine();
      state.out.verbatim('```');
    }
    breakParagraph(state);
  } else if (PARAGRAPH_ELEMENTS.has(name)) {
    breakParagraph(state);
  } else if (LINE_ELEMENTS.has(name)) {
    breakLine(state);
  }
}
