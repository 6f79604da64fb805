/**
 * Elements whose whole content is dropped: code, styling, metadata, graphics, embeds, and
 * navigation (site menus and tables of contents are chrome, not content: indexed, every page's
 * menu would be found for every question).
 */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'nav',
  'script',
  'style',
  'noscript',
  'template',
  'title',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
]);

/**
 * Elements that may appear in `<head>`; any other start tag ends an unclosed head, as browsers do.
 */
export const HEAD_ELEMENTS: ReadonlySet<string> = new Set([
  'base',
  'link',
  'meta',
  'noscript',
  'script',
  'style',
  'template',
  'title',
]);

/** Elements with no content and no end tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Blocks set apart by a blank line, like paragraphs. */
export const PARAGRAPH_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'blockquote',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'main',
  'nav',
  'figure',
  'table',
  'dl',
  'form',
  'fieldset',
  'address',
  'details',
  'hgroup',
  'hr',
]);

/** Blocks that start a new line without a blank line before them. */
export const LINE_ELEMENTS: ReadonlySet<string> = new Set([
  'div',
  'tr',
  'dt',
  'dd',
  'caption',
  'figcaption',
  'summary',
  'legend',
  'option',
]);

/** The heading level (1–6) of an `h1`…`h6` element name, else 0. */
export function headingLevel(name: string): number {
  return /^h[1-6]$/.test(name) ? Number(name.charAt(1)) : 0;
}
