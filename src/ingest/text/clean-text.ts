import { AppError } from '../../errors.js';
import { htmlToText } from './html/html-to-text.js';
import { markdownToText } from './markdown/markdown-to-text.js';
import { normalizeText } from './normalize-text.js';

/** The formats a document may be given in. */
export const DOCUMENT_FORMATS = ['text', 'html', 'markdown'] as const;

/** One of {@link DOCUMENT_FORMATS}. */
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** A document's content: exactly one of the three fields is given (null counts as absent). */
export type CleanTextInput = { [Format in DocumentFormat]?: string | null };

/** Cleaned text ready for redaction and chunking, with the format it was given in. */
export interface CleanedText {
  text: string;
  format: DocumentFormat;
}

const CONVERTERS: Record<DocumentFormat, (source: string) => string> = {
  text: (source) => source,
  html: htmlToText,
  markdown: markdownToText,
};

/**
 * Turns a document's content into clean text. HTML becomes readable text with headings as
 * Markdown `#` lines; Markdown keeps its headings and loses link targets and emphasis markers;
 * every format is then normalised (see {@link normalizeText}): NFC, `\n` line endings, no control
 * characters, no trailing spaces, at most one blank line in a row. Runs in linear time.
 * @throws {AppError} `BAD_USER_INPUT` unless exactly one of `text`, `html` and `markdown` is given.
 */
export function cleanText(input: CleanTextInput): CleanedText {
  const given = DOCUMENT_FORMATS.filter((format) => input[format] != null);
  const [format] = given;
  if (format === undefined || given.length > 1) {
    throw new AppError('BAD_USER_INPUT', 'give exactly one of text, html and markdown', {
      details: { fields: DOCUMENT_FORMATS, given },
    });
  }
  return { text: normalizeText(CONVERTERS[format](input[format] ?? '')), format };
}
