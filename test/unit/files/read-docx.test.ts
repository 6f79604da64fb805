import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { readDocxHtml } from '../../../src/files/read-docx.js';
import { makeDocx } from '../../support/document-files.js';

describe('readDocxHtml', () => {
  it('turns heading styles, lists and tables into HTML, a row of cells per table row', async () => {
    const html = await readDocxHtml(
      await makeDocx([
        { heading: 'Policies' },
        { heading: 'Travel', level: 2 },
        { bullets: ['passport'] },
        { table: [['Name', 'Age']] },
      ]),
    );
    expect(html).toContain('<h1>Policies</h1><h2>Travel</h2><ul><li>passport</li></ul>');
    expect(html).toMatch(/<td> Name <\/td><td> Age <\/td>/);
  });

  it('fails a truncated DOCX with INVALID_DOCUMENT', async () => {
    const docx = await makeDocx([{ paragraph: 'x' }]);
    const error = await readDocxHtml(docx.subarray(0, 200)).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe('INVALID_DOCUMENT');
  });

  it('fails an encrypted DOCX (an OLE compound file) with INVALID_DOCUMENT', async () => {
    const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const error = await readDocxHtml(cfb).catch((caught: unknown) => caught);
    expect(isAppError(error) && [error.code, error.message]).toEqual([
      'INVALID_DOCUMENT',
      'the DOCX is encrypted with a password (or is a legacy .doc file)',
    ]);
  });
});
