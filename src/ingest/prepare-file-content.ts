import { AppError } from '../errors.js';
import { decodeText, type FileFormat } from '../files/detect-format.js';
import { readDocxHtml } from '../files/read-docx.js';
import { readPdfPages } from '../files/read-pdf.js';
import type { PiiType } from '../governance/pii.js';
import { prepareFilePages, prepareFileText } from './prepare-document.js';

/** A file's content as an item's text: cleaned, redacted, with its page starts. */
export interface PreparedFileContent {
  text: string;
  piiCounts: Partial<Record<PiiType, number>>;
  /** Where each page starts in `text` (see `prepareFilePages`); empty for formats without pages. */
  pageStarts: number[];
}

/**
 * Reads a file in its detected format and prepares its text as inline text is prepared: a PDF
 * page by page (its pages kept), a DOCX through its HTML (its headings kept), text formats as
 * UTF-8. The same cleaning and the one redaction run before anything is stored or embedded.
 * Runs on a file reader thread (see `createFileReaderPool`), never on the server's event loop.
 * @param options.owned the caller gives up `content` (a PDF's bytes are then not copied).
 *   Default: false.
 * @throws {AppError} `INVALID_DOCUMENT` for an unreadable PDF or DOCX, `UNSUPPORTED_MEDIA_TYPE`
 *   for a text format that is not UTF-8, `BAD_USER_INPUT` when no text is left.
 */
export async function prepareFileContent(
  format: FileFormat,
  content: Buffer,
  options: { owned?: boolean } = {},
): Promise<PreparedFileContent> {
  if (format === 'pdf') return prepareFilePages(await readPdfPages(content, options));
  if (format === 'docx') {
    return { ...prepareFileText('html', await readDocxHtml(content)), pageStarts: [] };
  }
  const text = decodeText(content);
  if (text === null) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'the file is not UTF-8 text, which cannot be ingested: give text, Markdown, HTML, PDF or DOCX',
    );
  }
  return { ...prepareFileText(format, text), pageStarts: [] };
}
