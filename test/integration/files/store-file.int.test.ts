import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_PART_BYTES } from '../../../src/files/file-row.js';
import { findFilesByIds, readFileBytes } from '../../../src/files/find-files.js';
import { pruneAbandonedUploads, storeFile } from '../../../src/files/store-file.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';

describe(`files stored as parts (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let workspaceId: string;
  let otherWorkspaceId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const made = await database.db.pool.query<{ id: string }>(
      "INSERT INTO workspaces (name) VALUES ('files-a'), ('files-b') RETURNING id",
    );
    workspaceId = made.rows[0]!.id;
    otherWorkspaceId = made.rows[1]!.id;
  });
  afterAll(async () => {
    await database?.destroy();
  });

  // 2.5 MiB in uneven network-sized pieces, every byte position distinct modulo 251.
  const content = Buffer.from(
    Array.from({ length: FILE_PART_BYTES * 2 + FILE_PART_BYTES / 2 }, (_, i) => i % 251),
  );
  const pieces = () => {
    const out: Buffer[] = [];
    for (let at = 0; at < content.length; at += 65_521) out.push(content.subarray(at, at + 65_521));
    return Readable.from(out);
  };

  it('writes 1 MiB parts as the stream arrives and reads back the same bytes and sha256', async () => {
    const row = await storeFile(
      database.db.pool,
      workspaceId,
      { name: 'big.bin', mediaType: 'application/octet-stream' },
      pieces(),
      () => false,
    );
    expect(row).toMatchObject({
      bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    const parts = await database.db.pool.query<{ ordinal: number; size: number }>(
      'SELECT ordinal, length(data) AS size FROM file_parts WHERE file_id = $1 ORDER BY ordinal',
      [row!.id],
    );
    expect(parts.rows).toEqual([
      { ordinal: 0, size: FILE_PART_BYTES },
      { ordinal: 1, size: FILE_PART_BYTES },
      { ordinal: 2, size: FILE_PART_BYTES / 2 },
    ]);
    const read = await readFileBytes(database.db.pool, workspaceId, row!.id);
    expect(read!.equals(content)).toBe(true);
    const head = await readFileBytes(database.db.pool, workspaceId, row!.id, 10);
    expect(head!.length).toBe(FILE_PART_BYTES);
    expect(await readFileBytes(database.db.pool, otherWorkspaceId, row!.id)).toBeNull();
    expect(await findFilesByIds(database.db.pool, otherWorkspaceId, [row!.id])).toEqual([]);
  });

  it('deletes what it stored when the stream fails or was cut at the limit', async () => {
    const count = async () =>
      (
        await database.db.pool.query<{ n: number }>(
          'SELECT (SELECT count(*) FROM files WHERE workspace_id = $1)::int + ' +
            '(SELECT count(*) FROM file_parts WHERE workspace_id = $1)::int AS n',
          [otherWorkspaceId],
        )
      ).rows[0]!.n;
    const failing = Readable.from(
      (async function* () {
        yield content.subarray(0, FILE_PART_BYTES + 10);
        throw new Error('connection reset');
      })(),
    );
    await expect(
      storeFile(
        database.db.pool,
        otherWorkspaceId,
        { name: 'f', mediaType: 'text/plain' },
        failing,
        () => false,
      ),
    ).rejects.toThrow('connection reset');
    expect(await count()).toBe(0);
    const cut = await storeFile(
      database.db.pool,
      otherWorkspaceId,
      { name: 'f', mediaType: 'text/plain' },
      pieces(),
      () => true,
    );
    expect(cut).toBeNull();
    expect(await count()).toBe(0);
  });

  it('prunes uploads abandoned by a process that died, not live ones', async () => {
    const made = await database.db.pool.query<{ id: string }>(
      `INSERT INTO files (workspace_id, name, media_type, created_at)
       VALUES ($1, 'old', 'text/plain', now() - interval '2 days'),
              ($1, 'live', 'text/plain', now())
       RETURNING id`,
      [workspaceId],
    );
    await database.db.pool.query(
      `INSERT INTO file_parts (file_id, workspace_id, ordinal, data) VALUES ($1, $2, 0, '\\x00')`,
      [made.rows[0]!.id, workspaceId],
    );
    expect(await pruneAbandonedUploads(database.db.pool, 24 * 60 * 60 * 1000)).toBe(1);
    const left = await database.db.pool.query<{ name: string }>(
      "SELECT name FROM files WHERE workspace_id = $1 AND status = 'uploading'",
      [workspaceId],
    );
    expect(left.rows).toEqual([{ name: 'live' }]);
    const parts = await database.db.pool.query('SELECT 1 FROM file_parts WHERE file_id = $1', [
      made.rows[0]!.id,
    ]);
    expect(parts.rowCount).toBe(0);
  });
});
