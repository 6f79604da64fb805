// Files over real HTTP: `POST /files` (multipart/form-data) with the same credentials, roles and
// workspaces as `/graphql`, then `ingestDocuments` by `fileId`, read and redacted in the worker.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsPii } from '../../src/governance/pii.js';
import { embeddedTexts as sentToEmbed, fakeEmbeddingModels } from '../support/fake-embeddings.js';
import { createFakeLlmServer, type FakeLlmServer } from '../fake-llm/server.js';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitFor } from '../support/wait-for.js';
import { createWorkspaceWithKeys, postAs, type TestWorkspace } from './security/two-workspaces.js';

const MAX_FILE_BYTES = 64 * 1024;
const EMAIL = 'jane.doe@example.com';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

const MARKDOWN = `# Employee handbook

## Leave
Parental leave is sixteen weeks at full pay. Questions go to ${EMAIL}.

## Equipment
Laptops are replaced every three years.`;
const HTML = `<!DOCTYPE html><html><head><title>Travel</title></head><body>
<nav><a href="/">Home</a></nav>
<main><h1>Travel policy</h1><p>Train travel is booked in second class; write to ${EMAIL}.</p></main>
</body></html>`;
const TEXT = `Expense notes\n\nReceipts are due within thirty days. Contact ${EMAIL} for help.`;

interface Upload {
  name: string;
  type?: string;
  content: string | Buffer;
}
interface Stored {
  id: string;
  name: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}
interface Job {
  status: string;
  documentsDone: number;
  documentsFailed: number;
  chunksEmbedded: number;
  piiRedacted: { type: string; count: number }[];
  errors: { documentIndex: number; code: string; message: string }[];
}

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

describe(`files: upload, ingest by fileId, search (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let server: TestServer;
  let filesUrl: string;
  let a: TestWorkspace;
  let b: TestWorkspace;
  let collectionId: string;
  let bCollectionId: string;
  const uploaded: Record<string, Stored> = {};

  const upload = async (key: string | null, files: Upload[], init: RequestInit = {}) => {
    const form = new FormData();
    for (const file of files) {
      const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
      form.append('file', new Blob([bytes], file.type ? { type: file.type } : {}), file.name);
    }
    const response = await fetch(filesUrl, {
      method: 'POST',
      body: form,
      headers: key ? { authorization: `Bearer ${key}` } : {},
      ...init,
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        files?: Stored[];
        errors?: { message: string; extensions: Record<string, unknown> }[];
      },
    };
  };
  const embeddedTexts = () => sentToEmbed(fake);
  const ingest = async (key: string, collection: string, documents: unknown[]) =>
    postAs(
      server.url,
      key,
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      { input: { collectionId: collection, documents } },
    );
  const finishedJob = async (id: string): Promise<Job> =>
    waitFor({
      what: 'the ingest job ended',
      read: async () => {
        const { body } = await postAs(
          server.url,
          a.keys.reader,
          `query ($id: ID!) { ingestJob(id: $id) {
            status documentsDone documentsFailed chunksEmbedded
            piiRedacted { type count } errors { documentIndex code message }
          } }`,
          { id },
        );
        return body.data?.['ingestJob'] as Job;
      },
      until: (job) => job.status === 'SUCCEEDED' || job.status === 'FAILED',
      timeoutMs: 45_000,
      intervalMs: 200,
    });
  const countFiles = async (workspaceId: string) =>
    (
      await database.db.pool.query<{ files: number; parts: number }>(
        `SELECT (SELECT count(*)::int FROM files WHERE workspace_id = $1) AS files,
                (SELECT count(*)::int FROM file_parts WHERE workspace_id = $1) AS parts`,
        [workspaceId],
      )
    ).rows[0]!;

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    const models = fakeEmbeddingModels(fake.url);
    database = await createTestDatabase();
    server = await startTestServer({
      db: database.db,
      models,
      authMode: 'required',
      maxFileBytes: MAX_FILE_BYTES,
    });
    filesUrl = server.url.replace(/\/graphql$/, '/files');
    a = await createWorkspaceWithKeys(database.db.pool, 'files-alpha');
    b = await createWorkspaceWithKeys(database.db.pool, 'files-bravo');
    const create = 'mutation ($n: String!) { createCollection(input: { name: $n }) { id } }';
    const made = await postAs(server.url, a.keys.writer, create, { n: 'alpha-files' });
    collectionId = (made.body.data!['createCollection'] as { id: string }).id;
    const bMade = await postAs(server.url, b.keys.writer, create, { n: 'bravo-files' });
    bCollectionId = (bMade.body.data!['createCollection'] as { id: string }).id;
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
    await fake?.close();
  });

  it('stores several files of one request and answers their ids, sizes and sha256', async () => {
    const files: Upload[] = [
      { name: 'handbook.md', type: 'text/markdown', content: MARKDOWN },
      // Declared as plain text: its content says HTML.
      { name: 'travel.html', type: 'text/plain', content: HTML },
      { name: 'expenses.txt', content: TEXT },
      { name: 'logo.png', type: 'image/png', content: PNG },
    ];
    const { status, body } = await upload(a.keys.writer, files);
    expect(status).toBe(201);
    expect(body.files).toHaveLength(4);
    body.files!.forEach((stored, i) => {
      const file = files[i]!;
      expect(stored).toMatchObject({
        name: file.name,
        bytes: Buffer.byteLength(file.content),
        sha256: sha256(file.content),
      });
      expect(stored.id).toMatch(/^fil_[0-9a-f]{32}$/);
      uploaded[file.name] = stored;
    });
    expect(body.files![0]!.mediaType).toBe('text/markdown');
    expect(body.files![2]!.mediaType).toBe('application/octet-stream');

    const read = await postAs(
      server.url,
      a.keys.reader,
      `query ($id: ID!) { file(id: $id) { id name mediaType bytes sha256 createdAt }
                          node(id: $id) { __typename id } }`,
      { id: uploaded['handbook.md']!.id },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data).toMatchObject({
      file: { ...uploaded['handbook.md'] },
      node: { __typename: 'File', id: uploaded['handbook.md']!.id },
    });
  });

  it('ingests files by fileId in the worker: facts found, PII never embedded, a PNG fails alone', async () => {
    const result = await ingest(a.keys.writer, collectionId, [
      { title: 'Handbook', fileId: uploaded['handbook.md']!.id, sourceUri: 'files/handbook.md' },
      { title: 'Travel', fileId: uploaded['travel.html']!.id },
      { title: 'Logo', fileId: uploaded['logo.png']!.id },
      { title: 'Expenses', fileId: uploaded['expenses.txt']!.id },
    ]);
    expect(result.body.errors).toBeUndefined();
    const job = await finishedJob((result.body.data!['ingestDocuments'] as { id: string }).id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', documentsDone: 3, documentsFailed: 1 });
    expect(job.errors).toEqual([
      {
        documentIndex: 2,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('image/png'),
      },
    ]);
    expect(job.piiRedacted).toContainEqual({ type: 'EMAIL', count: 3 });

    const sent = embeddedTexts();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.some((t) => t.includes('[EMAIL_1]'))).toBe(true);
    expect(sent.filter((t) => t.includes(EMAIL) || containsPii(t))).toEqual([]);
    // HTML and Markdown were converted, not embedded as markup.
    expect(sent.filter((t) => /<\/?(p|nav|main|html)\b/.test(t))).toEqual([]);
    // The page's navigation is chrome: not indexed.
    expect(sent.filter((t) => t.includes('Home'))).toEqual([]);

    const search = async (query: string) => {
      const { body } = await postAs(
        server.url,
        a.keys.reader,
        `query ($c: ID!, $q: String!) {
          search(collectionId: $c, query: $q, k: 3) { chunk { text headingPath document { title } } }
        }`,
        { c: collectionId, q: query },
      );
      return body.data!['search'] as {
        chunk: { text: string; headingPath: string[]; document: { title: string } };
      }[];
    };
    const leave = (await search('parental leave'))[0]!.chunk;
    expect(leave.text).toContain('sixteen weeks');
    expect(leave.text).not.toContain(EMAIL);
    expect(leave.document.title).toBe('Handbook');
    expect(leave.headingPath).toContain('Leave');
    expect((await search('train travel class'))[0]!.chunk.text).toContain('second class');
    expect((await search('receipts due'))[0]!.chunk.text).toContain('thirty days');
    const stored = await database.db.pool.query<{ text: string }>(
      'SELECT text FROM chunks UNION ALL SELECT text FROM ingest_job_items',
    );
    expect(stored.rows.filter((r) => r.text.includes(EMAIL))).toEqual([]);

    // The raw files are deleted once their documents are indexed (or failed).
    for (const name of ['handbook.md', 'travel.html', 'logo.png', 'expenses.txt']) {
      const read = await postAs(
        server.url,
        a.keys.reader,
        'query ($id: ID!) { file(id: $id) { id } }',
        {
          id: uploaded[name]!.id,
        },
      );
      expect(read.body.data).toEqual({ file: null });
    }
  });

  it('re-ingesting the same file is a no-op: nothing is embedded again', async () => {
    const before = embeddedTexts().length;
    const again = await upload(a.keys.writer, [
      { name: 'handbook.md', type: 'text/markdown', content: MARKDOWN },
    ]);
    expect(again.body.files![0]!.sha256).toBe(uploaded['handbook.md']!.sha256);
    const result = await ingest(a.keys.writer, collectionId, [
      { title: 'Handbook', fileId: again.body.files![0]!.id, sourceUri: 'files/handbook.md' },
    ]);
    const job = await finishedJob((result.body.data!['ingestDocuments'] as { id: string }).id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', documentsDone: 1, chunksEmbedded: 0 });
    expect(embeddedTexts().length).toBe(before);
  });

  it('refuses a file already ingested (and so deleted) by its old id with NOT_FOUND', async () => {
    const result = await ingest(a.keys.writer, collectionId, [
      { title: 'Handbook', fileId: uploaded['handbook.md']!.id, sourceUri: 'files/handbook.md' },
    ]);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'documents.0.fileId',
    });
  });

  it('refuses a file over the limit with 413 and keeps nothing of the request', async () => {
    const before = await countFiles(a.id);
    const { status, body } = await upload(a.keys.writer, [
      { name: 'small.txt', content: 'fine' },
      { name: 'big.txt', content: Buffer.alloc(MAX_FILE_BYTES + 1, 'a') },
    ]);
    expect(status).toBe(413);
    expect(body.errors![0]!.extensions).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      limitBytes: MAX_FILE_BYTES,
    });
    expect(await countFiles(a.id)).toEqual(before);
  });

  it('leaves nothing behind when the client goes away mid-upload', async () => {
    const before = await countFiles(a.id);
    const boundary = 'ballast-test-boundary';
    const head =
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="cut.txt"\r\n` +
      'content-type: text/plain\r\n\r\n';
    const req = request(filesUrl, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${a.keys.writer}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(MAX_FILE_BYTES),
      },
    });
    req.on('error', () => undefined);
    // More than a part's worth would be needed to finish; send a little and wait until stored.
    req.write(head + 'c'.repeat(1000));
    await waitFor({
      what: 'the upload started',
      read: async () =>
        (
          await database.db.pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM files WHERE workspace_id = $1 AND status = 'uploading'`,
            [a.id],
          )
        ).rows[0]!.n,
      until: (n) => n === 1,
      timeoutMs: 10_000,
    });
    req.destroy();
    await waitFor({
      what: 'the cut upload deleted',
      read: () => countFiles(a.id),
      until: (counts) => counts.files === before.files && counts.parts === before.parts,
      timeoutMs: 10_000,
    });
  });

  it('takes a file of exactly the limit', async () => {
    const content = Buffer.alloc(MAX_FILE_BYTES, 'b');
    const { status, body } = await upload(a.keys.writer, [{ name: 'edge.txt', content }]);
    expect(status).toBe(201);
    expect(body.files![0]).toMatchObject({ bytes: MAX_FILE_BYTES, sha256: sha256(content) });
  });

  it('authenticates, authorizes and checks the body like /graphql', async () => {
    const file = [{ name: 'x.txt', content: 'x' }];
    const anonymous = await upload(null, file);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors![0]!.extensions['code']).toBe('UNAUTHENTICATED');
    const reader = await upload(a.keys.reader, file);
    expect(reader.status).toBe(403);
    expect(reader.body.errors![0]!.extensions['code']).toBe('FORBIDDEN');
    const json = await fetch(filesUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.keys.writer}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
    expect(
      ((await json.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
        .code,
    ).toBe('UNSUPPORTED_MEDIA_TYPE');
    const empty = await fetch(filesUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.keys.writer}` },
      body: (() => {
        const form = new FormData();
        form.append('note', 'no file here');
        return form;
      })(),
    });
    expect(empty.status).toBe(400);
    const both = await ingest(a.keys.writer, collectionId, [
      { title: 'Both', text: 'x', fileId: uploaded['expenses.txt']!.id },
    ]);
    expect(both.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it("keeps a workspace's files from another: not readable, not ingestible", async () => {
    // A file that still exists: the ingested ones are deleted.
    const kept = await upload(a.keys.writer, [{ name: 'handbook.md', content: MARKDOWN }]);
    const id = kept.body.files![0]!.id;
    const read = await postAs(
      server.url,
      b.keys.admin,
      'query ($id: ID!) { file(id: $id) { id name } node(id: $id) { id } }',
      { id },
    );
    expect(read.body).toEqual({ data: { file: null, node: null } });
    const stolen = await ingest(b.keys.writer, bCollectionId, [{ title: 'Stolen', fileId: id }]);
    expect(stolen.body.errors![0]!.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'documents.0.fileId',
    });
    expect(JSON.stringify(stolen.body)).not.toContain('handbook');
    const { rows } = await database.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM ingest_jobs WHERE workspace_id = $1',
      [b.id],
    );
    expect(rows[0]!.n).toBe(0);
  });
});
