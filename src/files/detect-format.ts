import type { DocumentFormat } from '../ingest/text/clean-text.js';

/** What a file's content is, as far as ingestion is concerned. */
export type DetectedFormat =
  | { readable: true; format: DocumentFormat; mediaType: string }
  | { readable: false; mediaType: string };

// Signatures of common binary formats, for a clear refusal (the next formats to read: PDF, DOCX).
const SIGNATURES: readonly { mediaType: string; bytes: readonly number[]; offset?: number }[] = [
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { mediaType: 'image/webp', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { mediaType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { mediaType: 'application/gzip', bytes: [0x1f, 0x8b] },
  { mediaType: 'application/x-cfb', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { mediaType: 'application/x-7z-compressed', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { mediaType: 'application/rtf', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
];

const HTML_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;
const DECLARED: Record<string, DocumentFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
};
const EXTENSIONS: Record<string, DocumentFormat> = {
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  txt: 'text',
  text: 'text',
};
const MEDIA_TYPE_OF: Record<DocumentFormat, string> = {
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
};

/**
 * The format of a file, by content first (binary signatures, then whether it is UTF-8 text at
 * all, then an HTML start), then by the declared media type, then by the name's extension;
 * text that none of them names is plain text.
 * @param head the file's first bytes (a few KiB are enough; more is fine).
 */
export function detectFormat(head: Buffer, declaredType: string, name: string): DetectedFormat {
  for (const signature of SIGNATURES) {
    const offset = signature.offset ?? 0;
    if (signature.bytes.every((byte, i) => head[offset + i] === byte)) {
      return { readable: false, mediaType: signature.mediaType };
    }
  }
  const text = decodeHead(head);
  if (text === null) return { readable: false, mediaType: 'application/octet-stream' };
  const format: DocumentFormat = HTML_START.test(text)
    ? 'html'
    : (DECLARED[declaredType] ?? EXTENSIONS[extensionOf(name)] ?? 'text');
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
