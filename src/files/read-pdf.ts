import { getDocumentProxy } from 'unpdf';
import { AppError } from '../errors.js';
import { layoutLines, type PageLine, type PlacedText } from './pdf-lines.js';

// A line at least this much larger than the body text, and short, is a heading.
const HEADING_RATIO = 1.2;
const HEADING_MAX_CHARS = 150;

/**
 * The text of a PDF, one string per page (page n at index n - 1), read with PDF.js (through
 * `unpdf`, pure JavaScript). Lines keep their reading order; table rows read as cells joined by
 * ` | `; a short line in a font clearly larger than the body text becomes a Markdown heading
 * (`#` for the largest size, `##` for the next…), so chunks carry heading paths.
 * @param options.owned the caller gives up `content`: PDF.js takes it without a copy (and may
 *   detach its memory). Default: false (PDF.js reads a copy).
 * @throws {AppError} `INVALID_DOCUMENT` when the PDF is encrypted with a password, corrupt or
 *   truncated.
 */
export async function readPdfPages(
  content: Uint8Array,
  options: { owned?: boolean } = {},
): Promise<string[]> {
  // PDF.js takes ownership of (and may detach) the memory it is given, and refuses a Buffer:
  // a plain view of the caller's memory, or a copy.
  const bytes = options.owned
    ? new Uint8Array(content.buffer, content.byteOffset, content.byteLength)
    : new Uint8Array(content);
  const pages = await readLines(bytes);
  const bodySize = mostCommonSize(pages.flat());
  const headingSizes = [
    ...new Set(
      pages
        .flat()
        .filter((line) => isHeading(line, bodySize))
        .map((line) => line.size),
    ),
  ].sort((a, b) => b - a);
  return pages.map((lines) =>
    lines
      .map((line) => {
        if (!isHeading(line, bodySize)) return (line.paragraphStart ? '\n' : '') + line.text;
        const level = Math.min(headingSizes.indexOf(line.size) + 1, 6);
        return `\n${'#'.repeat(level)} ${line.text}\n`;
      })
      .join('\n'),
  );
}

async function readLines(content: Uint8Array): Promise<PageLine[][]> {
  let document: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    document = await getDocumentProxy(content, {
      verbosity: 0,
      stopAtErrors: true,
    });
    const pages: PageLine[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const { items } = await page.getTextContent();
      const placed: PlacedText[] = [];
      for (const item of items) {
        if (!('str' in item)) continue;
        placed.push({
          str: item.str,
          x: item.transform[4] as number,
          y: item.transform[5] as number,
          width: item.width,
          height: item.height,
        });
      }
      pages.push(layoutLines(placed));
      page.cleanup();
    }
    return pages;
  } catch (error) {
    throw invalidPdf(error);
  } finally {
    await document?.loadingTask.destroy().catch(() => undefined);
  }
}

function invalidPdf(error: unknown): AppError {
  const name = error instanceof Error ? error.name : '';
  const reason =
    name === 'PasswordException'
      ? 'the PDF is encrypted with a password'
      : `the PDF is corrupt or truncated (${error instanceof Error ? error.message : 'unreadable'})`;
  return new AppError('INVALID_DOCUMENT', reason, {
    details: { mediaType: 'application/pdf' },
    cause: error,
  });
}

function isHeading(line: PageLine, bodySize: number): boolean {
  return line.size >= bodySize * HEADING_RATIO && line.text.length <= HEADING_MAX_CHARS;
}

// The font size most of the text is set in, by characters.
function mostCommonSize(lines: readonly PageLine[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) chars.set(line.size, (chars.get(line.size) ?? 0) + line.text.length);
  let best = 0;
  let bestChars = -1;
  for (const [size, n] of chars) {
    if (n > bestChars) [best, bestChars] = [size, n];
  }
  return best;
}
