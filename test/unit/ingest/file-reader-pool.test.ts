import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { createFileReaderPool, type FileReaderPool } from '../../../src/ingest/file-reader-pool.js';
import { makeDocx, makePdf } from '../../support/document-files.js';

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return isAppError(error)
    ? { code: error.code, message: error.message, details: error.details }
    : error;
};

// A thread left running would keep the test process alive: close() must end them, in time.
const closeWithin = (pool: FileReaderPool, ms: number) =>
  Promise.race([
    pool.close().then(() => 'closed'),
    new Promise((resolve) => setTimeout(() => resolve('still running'), ms).unref()),
  ]);

describe('createFileReaderPool', () => {
  let pool: FileReaderPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('starts no thread before the first file, reads PDF pages and DOCX headings on one', async () => {
    pool = createFileReaderPool({ threads: 1 });
    expect(pool.threads).toBe(0);
    const pdf = await makePdf([[{ heading: 'Guide' }, { paragraph: 'Call 555-0100.' }], []]);
    const docx = await makeDocx([{ heading: 'Notes' }, { paragraph: 'Plain words.' }]);
    const [fromPdf, fromDocx] = await Promise.all([
      pool.prepare('pdf', pdf),
      pool.prepare('docx', docx),
    ]);
    expect(pool.threads).toBe(1);
    expect(fromPdf.text).toMatch(/^# Guide/);
    expect(fromPdf.pageStarts).toHaveLength(2);
    expect(fromDocx.text).toContain('# Notes');
    expect(fromDocx.text).toContain('Plain words.');
  });

  it('keeps the code, message and details of an error thrown on the thread', async () => {
    pool = createFileReaderPool({ threads: 2 });
    const whole = await makePdf([[{ paragraph: 'x' }], [{ paragraph: 'y' }]]);
    const locked = await makePdf([[{ paragraph: 'x' }]], { userPassword: 'pw' });
    expect(await failure(pool.prepare('pdf', locked))).toEqual({
      code: 'INVALID_DOCUMENT',
      message: 'the PDF is encrypted with a password',
      details: { mediaType: 'application/pdf' },
    });
    expect(await failure(pool.prepare('pdf', whole.subarray(0, whole.length / 2)))).toMatchObject({
      code: 'INVALID_DOCUMENT',
      message: expect.stringMatching(/^the PDF is corrupt or truncated/),
    });
    expect(await failure(pool.prepare('docx', Buffer.from('not a zip')))).toMatchObject({
      code: 'INVALID_DOCUMENT',
      message: expect.stringMatching(/^the DOCX is corrupt or truncated/),
    });
    expect(
      await failure(pool.prepare('text', Buffer.from([0xff, 0xfe, 0x00, 0xc3]))),
    ).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    // The thread goes on after an error.
    expect((await pool.prepare('markdown', Buffer.from('# Title\n\nBody'))).text).toContain('Body');
  });

  it('moves a buffer that is the whole of its memory to the thread instead of copying it', async () => {
    pool = createFileReaderPool();
    const content = Buffer.from(new TextEncoder().encode('moved, not copied').buffer);
    const prepared = await pool.prepare('text', content);
    expect(prepared.text).toBe('moved, not copied');
    expect(content.buffer.byteLength).toBe(0);
    const slice = Buffer.from('a copied slice of a larger buffer').subarray(2);
    await pool.prepare('text', slice);
    expect(slice.toString()).toBe('copied slice of a larger buffer');
  });

  it('ends every thread on close, fails what is left, and refuses files afterwards', async () => {
    pool = createFileReaderPool({ threads: 2 });
    const pdf = await makePdf([[{ paragraph: 'one' }]]);
    await Promise.all([pool.prepare('pdf', pdf), pool.prepare('pdf', Buffer.from(pdf))]);
    expect(pool.threads).toBe(2);
    const pending = failure(pool.prepare('pdf', Buffer.from(pdf)));
    expect(await closeWithin(pool, 10_000)).toBe('closed');
    expect(pool.threads).toBe(0);
    expect(await pending).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(await failure(pool.prepare('text', Buffer.from('late')))).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });
});
