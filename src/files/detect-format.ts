import type { DocumentFormat } from '../ingest/text/clean-text.js';

/** A format a file may be ingested in: a text format, or a binary one read by its library. */
export type FileFormat = DocumentFormat | 'pdf' | 'docx';

/** What a file's content is, as far as ingestion is concerned. */
export type DetectedFormat =
  | { readable: true; format: FileFormat; mediaType: string }
  | { readable: false; mediaType: string };

const PDF_TYPE = 'application/pdf';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZIP_TYPE = 'application/zip';
// An OLE compound file: a legacy .doc, or a DOCX encrypted with a password (Office wraps it so).
const CFB_TYPE = 'application/x-cfb';
// The main part of a Word document: a zip whose names include it is a DOCX.
const DOCX_MAIN_PART = Buffer.from('word/document.xml');

// Signatures of common binary formats: PDF and DOCX (a zip) are read, the rest refused clearly.
const SIGNATURES: readonly { mediaType: string; bytes: readonly number[]; offset?: number }[] = [
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { mediaType: 'image/webp', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { mediaType: PDF_TYPE, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: ZIP_TYPE, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { mediaType: 'application/gzip', bytes: [0x1f, 0x8b] },
  { mediaType: CFB_TYPE, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { mediaType: 'application/x-7z-compressed', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { mediaType: 'application/rtf', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
];

const HTML_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;
const DECLARED: Record<string, FileFormat> = {
  [PDF_TYPE]: 'pdf',
  [DOCX_TYPE]: 'docx',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
};
const EXTENSIONS: Record<string, FileFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  txt: 'text',
  text: 'text',
};
const MEDIA_TYPE_OF: Record<FileFormat, string> = {
  pdf: PDF_TYPE,
  docx: DOCX_TYPE,
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
};

/**
 * The format of a file, by content first, then by the declared media type, then by the name's
 * extension. Content: a PDF signature is a PDF; a zip naming `word/document.xml` in `head` is a
 * DOCX (a zip whose head does not name it, an OLE compound file (how Office wraps an encrypted
 * DOCX), or binary content of no known signature, is read as PDF or DOCX only when the declared
 * type or the extension says so, and fails as an invalid document if it is not one); any other known binary signature is refused; UTF-8 text starting
 * like HTML is HTML; other text takes the declared type, then the extension (PDF and DOCX
 * excepted: text is no PDF), else plain text.
 * @param head the file's first bytes (a few KiB are enough; more is fine).
 */
export function detectFormat(head: Buffer, declaredType: string, name: string): DetectedFormat {
  const named = [DECLARED[declaredType], EXTENSIONS[extensionOf(name)]];
  const namedBinary = named.find((f) => f === 'pdf' || f === 'docx');
  const namedText = named.find(
    (f): f is DocumentFormat => f !== undefined && f !== 'pdf' && f !== 'docx',
  );
  const binary = (format: FileFormat | undefined, found: string): DetectedFormat =>
    namedBinary === format && format
      ? { readable: true, format, mediaType: MEDIA_TYPE_OF[format] }
      : { readable: false, mediaType: found };
  const signature = SIGNATURES.find(({ bytes, offset = 0 }) =>
    bytes.every((byte, i) => head[offset + i] === byte),
  );
  if (signature?.mediaType === PDF_TYPE)
    return { readable: true, format: 'pdf', mediaType: PDF_TYPE };
  if (signature?.mediaType === ZIP_TYPE) {
    if (head.includes(DOCX_MAIN_PART))
      return { readable: true, format: 'docx', mediaType: DOCX_TYPE };
    return binary('docx', ZIP_TYPE);
  }
  if (signature?.mediaType === CFB_TYPE) return binary('docx', CFB_TYPE);
  if (signature) return { readable: false, mediaType: signature.mediaType };
  const text = decodeHead(head);
  if (text === null) {
    return binary(namedBinary, 'application/octet-stream');
  }
  const format: DocumentFormat = HTML_START.test(text) ? 'html' : (namedText ?? 'text');
  return { readable: true, format, mediaType: MEDIA_TYPE_OF[format] };
}

/**
 * The whole file as text: UTF-8 (a leading byte order mark dropped), or null when it is not
 * UTF-8 or holds NUL characters (a binary format).
 */
export function decodeText(content: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return null;
  }
  return text.includes('\u0000') ? null : text;
}

// The first bytes as text, a character cut at the end forgiven; null when binary.
function decodeHead(head: Buffer): string | null {
  const sample = head.subarray(0, 64 * 1024);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
  } catch {
    return null;
  }
  return text.includes('\u0000') ? null : text;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
