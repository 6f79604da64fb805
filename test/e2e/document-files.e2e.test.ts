// PDF and DOCX files over real HTTP: made in the test (pdfkit, docx), uploaded to `POST /files`,
// ingested by `fileId` in the worker, searched and cited with their pages and heading paths; bad
// files fail alone, and planted PII never reaches the embedding endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsPii } from '../../src/governance/pii.js';
import { embeddedTexts as sentToEmbed, fakeEmbeddingModels } from '../support/fake-embeddings.js';
import { createFakeLlmServer, type FakeLlmServer } from '../fake-llm/server.js';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { makeDocx, makePdf } from '../support/document-files.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitFor } from '../support/wait-for.js';
import { createWorkspaceWithKeys, postAs, type TestWorkspace } from './security/two-workspaces.js';

const EMAIL = 'olga.pdf@example.com';
const PHONE = '+1 415 555 0142';
const DOCX_EMAIL = 'ward.docx@example.org';
const DOCX_PHONE = '+44 20 7946 0958';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

interface Hit {
  chunk: { text: string; headingPath: string[]; pages: number[]; document: { title: string } };
}
interface Job {
  status: string;
  documentsDone: number;
  documentsFailed: number;
  piiRedacted: { type: string; count: number }[];
  errors: { documentIndex: number; code: string; message: string }[];
}

const handbookPdf = () =>
  makePdf([
    [
      { heading: 'Staff handbook' },
      { paragraph: `Welcome aboard. The office kettle is painted cobalt blue.` },
      { paragraph: `Questions about this handbook go to ${EMAIL} or ${PHONE}.` },
    ],
    [
      { heading: 'Security', level: 2 },
      { paragraph: 'The server room door opens with the badge marked zephyr.' },
    ],
    [
      { heading: 'Allowances', level: 2 },
      {
        table: [
          ['Item', 'Allowance'],
          ['Bicycle', '450 euros'],
          ['Monitor', '320 euros'],
        ],
      },
    ],
  ]);
const policiesDocx = () =>
  makeDocx([
    { heading: 'Travel policies' },
    { heading: 'Trains', level: 2 },
    { paragraph: `Night trains are booked in a sleeper cabin; ask ${DOCX_EMAIL}.` },
    { bullets: ['Carry the rail pass', `Call ${DOCX_PHONE} when delayed`] },
    { heading: 'Hotels', level: 2 },
    { paragraph: 'Hotel stays are capped at three nights per trip.' },
  ]);

describe(`PDF and DOCX files: pages, headings, bad files fail alone (${TEST_DATABASE_MODE})`, () => {
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let server: TestServer;
  let filesUrl: string;
  let a: TestWorkspace;
  let collectionId: string;
  let job: Job;

  const upload = async (files: { name: string; type: string; content: Buffer }[]) => {
    const form = new FormData();
    for (const file of files) {
      form.append('file', new Blob([file.content], { type: file.type }), file.name);
    }
    const response = await fetch(filesUrl, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${a.keys.writer}` },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { files: { id: string }[] }).files.map((f) => f.id);
  };
  const graphql = async (query: string, variables: Record<string, unknown>) => {
    const { body } = await postAs(server.url, a.keys.writer, query, variables);
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const search = async (query: string) =>
    (
      await graphql(
        `
          query ($c: ID!, $q: String!) {
            search(collectionId: $c, query: $q, k: 3) {
              chunk {
                text
                headingPath
                pages
                document {
                  title
                }
              }
            }
          }
        `,
        { c: collectionId, q: query },
      )
    )['search'] as Hit[];
  const embeddedTexts = () => sentToEmbed(fake);

  beforeAll(async () => {
    fake = await createFakeLlmServer();
    const models = fakeEmbeddingModels(fake.url);
    database = await createTestDatabase();
    server = await startTestServer({
      db: database.db,
      models,
      authMode: 'required',
    });
    filesUrl = server.url.replace(/\/graphql$/, '/files');
    a = await createWorkspaceWithKeys(database.db.pool, 'document-files');
    const made = await graphql(
      'mutation ($n: String!) { createCollection(input: { name: $n }) { id } }',
      { n: 'handbooks' },
    );
    collectionId = (made['createCollection'] as { id: string }).id;

    const pdf = await handbookPdf();
    const ids = await upload([
      { name: 'handbook.pdf', type: 'application/pdf', content: pdf },
      {
        name: 'policies.docx',
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        content: await policiesDocx(),
      },
      {
        name: 'secret.pdf',
        type: 'application/pdf',
        content: await makePdf([[{ paragraph: 'Locked away.' }]], { userPassword: 'hunter2' }),
      },
      {
        name: 'cut.pdf',
        type: 'application/pdf',
        content: pdf.subarray(0, Math.floor(pdf.length / 2)),
      },
      { name: 'photo.pdf', type: 'application/pdf', content: PNG },
    ]);
    const titles = ['Handbook', 'Policies', 'Secret', 'Cut', 'Photo'];
    const started = await graphql(
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      {
        input: {
          collectionId,
          documents: ids.map((fileId, i) => ({ title: titles[i], fileId })),
        },
      },
    );
    const jobId = (started['ingestDocuments'] as { id: string }).id;
    job = await waitFor({
      what: 'the ingest job ended',
      read: async () =>
        (
          await graphql(
            `
              query ($id: ID!) {
                ingestJob(id: $id) {
                  status
                  documentsDone
                  documentsFailed
                  piiRedacted {
                    type
                    count
                  }
                  errors {
                    documentIndex
                    code
                    message
                  }
                }
              }
            `,
            { id: jobId },
          )
        )['ingestJob'] as Job,
      until: (value) => value.status === 'SUCCEEDED' || value.status === 'FAILED',
      timeoutMs: 60_000,
      intervalMs: 200,
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
    await fake?.close();
  });

  it('fails the encrypted, truncated and disguised files alone, with their codes', () => {
    expect(job).toMatchObject({ status: 'SUCCEEDED', documentsDone: 2, documentsFailed: 3 });
    expect(job.errors).toEqual([
      {
        documentIndex: 2,
        code: 'INVALID_DOCUMENT',
        message: expect.stringContaining('encrypted'),
      },
      {
        documentIndex: 3,
        code: 'INVALID_DOCUMENT',
        message: expect.stringContaining('corrupt or truncated'),
      },
      {
        documentIndex: 4,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('image/png'),
      },
    ]);
  });

  it('finds PDF facts with the pages they are on and the headings above them', async () => {
    const kettle = (await search('office kettle colour'))[0]!.chunk;
    expect(kettle).toMatchObject({
      headingPath: ['Staff handbook'],
      pages: [1],
      document: { title: 'Handbook' },
    });
    expect(kettle.text).toContain('cobalt blue');
    const badge = (await search('server room badge'))[0]!.chunk;
    expect(badge).toMatchObject({ headingPath: ['Staff handbook', 'Security'], pages: [2] });
    expect(badge.text).toContain('zephyr');
    const bicycle = (await search('bicycle allowance'))[0]!.chunk;
    expect(bicycle.pages).toEqual([3]);
    // The table reads as rows of cells.
    expect(bicycle.text).toContain('Bicycle | 450 euros');
  });

  it('finds DOCX facts under their headings, with no pages', async () => {
    const trains = (await search('night trains sleeper'))[0]!.chunk;
    expect(trains).toMatchObject({
      headingPath: ['Travel policies', 'Trains'],
      pages: [],
      document: { title: 'Policies' },
    });
    expect(trains.text).toContain('- Carry the rail pass');
    const hotels = (await search('hotel nights'))[0]!.chunk;
    expect(hotels.headingPath).toEqual(['Travel policies', 'Hotels']);
  });

  it('redacts planted PII before anything is stored or embedded', async () => {
    expect(job.piiRedacted).toEqual(
      expect.arrayContaining([
        { type: 'EMAIL', count: 2 },
        { type: 'PHONE', count: 2 },
      ]),
    );
    const sent = embeddedTexts();
    expect(sent.some((t) => t.includes('cobalt blue'))).toBe(true);
    expect(sent.some((t) => t.includes('[EMAIL_1]'))).toBe(true);
    const planted = [EMAIL, PHONE, DOCX_EMAIL, DOCX_PHONE];
    expect(sent.filter((t) => planted.some((p) => t.includes(p)) || containsPii(t))).toEqual([]);
    const stored = await database.db.pool.query<{ text: string }>(
      'SELECT text FROM chunks UNION ALL SELECT text FROM ingest_job_items',
    );
    expect(stored.rows.filter((r) => planted.some((p) => r.text.includes(p)))).toEqual([]);
  });

  it("cites a PDF answer's pages", async () => {
    const asked = await graphql('mutation ($input: AskInput!) { ask(input: $input) { id } }', {
      input: { collectionId, question: 'Which badge opens the server room door?' },
    });
    const runId = (asked['ask'] as { id: string }).id;
    const run = await waitFor({
      what: 'the run ended',
      read: async () =>
        (
          await graphql(
            `
              query ($id: ID!) {
                run(id: $id) {
                  status
                  answer {
                    citations {
                      pages
                      chunk {
                        pages
                        document {
                          title
                        }
                      }
                    }
                  }
                }
              }
            `,
            { id: runId },
          )
        )['run'] as {
          status: string;
          answer: {
            citations: {
              pages: number[];
              chunk: { pages: number[]; document: { title: string } };
            }[];
          } | null;
        },
      until: (value) => value.status === 'SUCCEEDED' || value.status === 'FAILED',
      timeoutMs: 60_000,
      intervalMs: 200,
    });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.answer!.citations).toContainEqual({
      pages: [2],
      chunk: { pages: [2], document: { title: 'Handbook' } },
    });
  });
});
