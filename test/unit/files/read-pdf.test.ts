import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { layoutLines } from '../../../src/files/pdf-lines.js';
import { readPdfPages } from '../../../src/files/read-pdf.js';
import { makePdf } from '../../support/document-files.js';

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return isAppError(error) ? { code: error.code, message: error.message } : error;
};

describe('readPdfPages', () => {
  it('reads each page, headings by font size and table rows as cells', async () => {
    const pdf = await makePdf([
      [{ heading: 'Guide' }, { paragraph: 'First page text.' }],
      [
        { heading: 'Prices', level: 2 },
        {
          table: [
            ['Tea', '2 euros'],
            ['Cake', '4 euros'],
          ],
        },
      ],
      [],
    ]);
    const pages = await readPdfPages(pdf);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toMatch(/^\s*# Guide\n/);
    expect(pages[0]).toContain('First page text.');
    expect(pages[1]).toMatch(/^\s*## Prices\n/);
    expect(pages[1]).toContain('Tea | 2 euros\nCake | 4 euros');
    expect(pages[2]!.trim()).toBe('');
  });

  it('fails an encrypted, a truncated and a non-PDF file with INVALID_DOCUMENT', async () => {
    const locked = await makePdf([[{ paragraph: 'x' }]], { userPassword: 'pw' });
    expect(await failure(readPdfPages(locked))).toEqual({
      code: 'INVALID_DOCUMENT',
      message: 'the PDF is encrypted with a password',
    });
    const whole = await makePdf([[{ paragraph: 'x' }], [{ paragraph: 'y' }]]);
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    expect(await failure(readPdfPages(cut))).toMatchObject({
      code: 'INVALID_DOCUMENT',
      message: expect.stringMatching(/^the PDF is corrupt or truncated/),
    });
    expect(await failure(readPdfPages(Buffer.from('not a pdf at all')))).toMatchObject({
      code: 'INVALID_DOCUMENT',
    });
  });
});

describe('layoutLines', () => {
  const at = (str: string, x: number, y: number, width = str.length * 5) => ({
    str,
    x,
    y,
    width,
    height: 10,
  });

  it('joins pieces of a line, separates far ones as cells, marks paragraph breaks', () => {
    const lines = layoutLines([
      at('Hello', 0, 100),
      at('world', 30, 100),
      at('A', 0, 88),
      at('B', 200, 88),
      at('Later', 0, 40),
    ]);
    expect(lines.map((l) => [l.text, l.paragraphStart])).toEqual([
      ['Hello world', false],
      ['A | B', false],
      ['Later', true],
    ]);
  });
});
