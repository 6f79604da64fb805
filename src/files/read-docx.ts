import mammoth from 'mammoth';
import { AppError } from '../errors.js';

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * A Word document (DOCX) as HTML, converted by `mammoth`: headings (the Heading 1–6 styles)
 * become `<h1>`…`<h6>`, lists `<ul>`/`<ol>`, tables `<table>`; the HTML path then turns it into
 * text with Markdown headings. A paragraph inside a table cell is unwrapped, so a row reads as
 * one line of cells.
 * @throws {AppError} `INVALID_DOCUMENT` when the file is not a readable DOCX (encrypted: an OLE
 *   compound file; a corrupt or truncated zip; no Word document inside).
 */
export async function readDocxHtml(content: Buffer): Promise<string> {
  if (content.subarray(0, CFB_SIGNATURE.length).equals(CFB_SIGNATURE)) {
    throw invalidDocx('the DOCX is encrypted with a password (or is a legacy .doc file)');
  }
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: content })).value;
  } catch (error) {
    const message = error instanceof Error ? error.message : 'unreadable';
    throw invalidDocx(`the DOCX is corrupt or truncated (${message})`, error);
  }
  // mammoth writes every cell's content as paragraphs: `<td><p>a</p><p>b</p></td>`.
  return html.replace(
    /<(t[dh])([^>]*)>([\s\S]*?)<\/\1>/g,
    (_cell, tag: string, attrs: string, inner: string) =>
      `<${tag}${attrs}>${inner.replace(/<\/?p>/g, ' ')}</${tag}>`,
  );
}

function invalidDocx(reason: string, cause?: unknown): AppError {
  return new AppError('INVALID_DOCUMENT', reason, {
    details: {
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
    cause,
  });
}
