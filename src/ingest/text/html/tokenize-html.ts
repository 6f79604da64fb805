/** One token of an HTML document, as {@link tokenizeHtml} yields it. */
export type HtmlToken =
  /** Character data as written: entities are not decoded yet. */
  | { kind: 'text'; text: string }
  /** A start tag; names (element and attribute) are lower-cased, values are raw. */
  | {
      kind: 'open';
      name: string;
      attributes: ReadonlyMap<string, string>;
      selfClosing: boolean;
    }
  | { kind: 'close'; name: string };

// Elements whose content is text up to their end tag, never markup (a `<` in a script).
const RAW_TEXT_ELEMENTS = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'noscript',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);

const TAG_NAME_CHAR = /[A-Za-z0-9:-]/;
const ATTRIBUTE_END = /[\s/>=]/;
const SPACE = /\s/;
const endTagPatterns = new Map<string, RegExp>();

function endTagPattern(name: string): RegExp {
  let pattern = endTagPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`</${name}(?=[\\s/>]|$)`, 'gi');
    endTagPatterns.set(name, pattern);
  }
  return pattern;
}

function isAsciiLetter(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'));
}

function readName(html: string, from: number): number {
  let end = from;
  while (end < html.length && TAG_NAME_CHAR.test(html.charAt(end))) end++;
  return end;
}

/** The position just past the `>` at or after `from`, or the end of the input. */
function pastNext(html: string, char: string, from: number): number {
  const at = html.indexOf(char, from);
  return at === -1 ? html.length : at + char.length;
}

/**
 * Reads attributes from `from` to the end of the tag. Quoted values may contain `>`.
 * Returns the attributes, whether the tag ended with `/>`, and the position after `>`.
 */
function readAttributes(html: string, from: number) {
  const attributes = new Map<string, string>();
  let pos = from;
  let selfClosing = false;
  while (pos < html.length) {
    const char = html.charAt(pos);
    if (char === '>') return { attributes, selfClosing, end: pos + 1 };
    if (SPACE.test(char) || char === '/') {
      selfClosing = char === '/';
      pos++;
      continue;
    }
    selfClosing = false;
    const nameStart = pos;
    while (pos < html.length && (pos === nameStart || !ATTRIBUTE_END.test(html.charAt(pos)))) pos++;
    const name = html.slice(nameStart, pos).toLowerCase();
    while (pos < html.length && SPACE.test(html.charAt(pos))) pos++;
    let value = '';
    if (html.charAt(pos) === '=') {
      pos++;
      while (pos < html.length && SPACE.test(html.charAt(pos))) pos++;
      const quote = html.charAt(pos);
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, pos + 1);
        const valueEnd = close === -1 ? html.length : close;
        value = html.slice(pos + 1, valueEnd);
        pos = valueEnd + 1;
      } else {
        const valueStart = pos;
        while (pos < html.length && !SPACE.test(html.charAt(pos)) && html.charAt(pos) !== '>') {
          pos++;
        }
        value = html.slice(valueStart, pos);
      }
    }
    if (name !== '' && !attributes.has(name)) attributes.set(name, value);
  }
  return { attributes, selfClosing, end: html.length };
}

/**
 * Splits HTML into text, start tags and end tags in one left-to-right pass (linear time, no
 * backtracking). Comments, doctypes and processing instructions are dropped; CDATA becomes
 * text; the content of raw-text elements (`script`, `style`, `textarea`, `title`…) is one text
 * token up to the matching end tag. A `<` that starts no tag is text, as in browsers.
 */
export function* tokenizeHtml(html: string): Generator<HtmlToken> {
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > pos) yield { kind: 'text', text: html.slice(pos, textEnd) };
    if (lt === -1) return;
    const next = html.charAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      // Searching from `<!` also ends the abrupt comments `<!-->` and `<!--->`, as browsers do.
      pos = pastNext(html, '-->', lt + 2);
    } else if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      const cdata = html.slice(lt + 9, end === -1 ? html.length : end);
      // Escaped so that decoding entities later gives back the CDATA text unchanged.
      yield { kind: 'text', text: cdata.replaceAll('&', '&amp;') };
      pos = end === -1 ? html.length : end + 3;
    } else if (next === '!' || next === '?') {
      pos = pastNext(html, '>', lt + 2);
    } else if (next === '/' && isAsciiLetter(html.charAt(lt + 2))) {
      const nameEnd = readName(html, lt + 2);
      yield { kind: 'close', name: html.slice(lt + 2, nameEnd).toLowerCase() };
      pos = pastNext(html, '>', nameEnd);
    } else if (isAsciiLetter(next)) {
      const nameEnd = readName(html, lt + 1);
      const name = html.slice(lt + 1, nameEnd).toLowerCase();
      const { attributes, selfClosing, end } = readAttributes(html, nameEnd);
      yield { kind: 'open', name, attributes, selfClosing };
      pos = end;
      if (RAW_TEXT_ELEMENTS.has(name) && !selfClosing) pos = yield* rawText(html, name, pos);
    } else if (next === '/') {
      pos = pastNext(html, '>', lt + 2);
    } else {
      yield { kind: 'text', text: '<' };
      pos = lt + 1;
    }
  }
}

function* rawText(html: string, name: string, from: number): Generator<HtmlToken, number> {
  const pattern = endTagPattern(name);
  pattern.lastIndex = from;
  const endTag = pattern.exec(html);
  const textEnd = endTag === null ? html.length : endTag.index;
  if (textEnd > from) yield { kind: 'text', text: html.slice(from, textEnd) };
  if (endTag === null) return html.length;
  yield { kind: 'close', name };
  return pastNext(html, '>', endTag.index + 2 + name.length);
}
