import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/auth/principal.js';
import { decodeId } from '../../../src/graphql/ids.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { waitFor } from '../../support/wait-for.js';
import { createWorkspaceWithKeys } from '../../e2e/security/two-workspaces.js';

// Fails on the code before issue 19's contract slice: `threads`, `node`, `Node` and the
// `Thread.runs` connection do not exist there (GRAPHQL_VALIDATION_FAILED).

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Page {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: PageInfo;
}

const THREADS = `query ($first: Int, $after: String, $last: Int, $before: String, $collectionId: ID) {
  threads(first: $first, after: $after, last: $last, before: $before, collectionId: $collectionId) {
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const RUNS = `query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  thread(id: $id) {
    runs(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;
const NODE = `query ($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Run { status }
    ... on Collection { name }
  }
}`;
const IN_PROGRESS = ['QUEUED', 'RUNNING'];
const PAGE = 10;
const OLD_THREADS = 45;

describe(`Relay contract: threads, Thread.runs, node (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let a: Principal;
  let b: Principal;
  // Public ids of A's objects, one of each Node type.
  const ids: Record<string, string> = {};
  let bCollection: string;
  let bThread: string;

  const as = async <T>(who: Principal, query: string, variables: Record<string, unknown> = {}) => {
    const result = await server.execute<T>(query, variables, who);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const threads = async (who: Principal, variables: Record<string, unknown>) =>
    (await as<{ threads: Page }>(who, THREADS, variables)).threads;
  const uuid = (kind: 'Collection' | 'Thread', id: string) => decodeId(kind, id)!;
  const publicId = (prefix: string, dbId: string) => `${prefix}_${dbId.replaceAll('-', '')}`;
  const insertThread = async (workspace: Principal, collectionId: string, at: string) =>
    publicId(
      'thr',
      (
        await database.db.pool.query<{ id: string }>(
          `INSERT INTO threads (workspace_id, collection_id, created_at, last_activity_at)
           VALUES ($1, $2, $3, $3) RETURNING id`,
          [workspace.workspaceId, uuid('Collection', collectionId), at],
        )
      ).rows[0]!.id,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db });
    const wa = await createWorkspaceWithKeys(database.db.pool, 'relay-a');
    const wb = await createWorkspaceWithKeys(database.db.pool, 'relay-b');
    a = { workspaceId: wa.id, role: 'writer', subject: 'test:a' };
    b = { workspaceId: wb.id, role: 'writer', subject: 'test:b' };
    const create = (who: Principal, name: string) =>
      as<{ createCollection: { id: string } }>(
        who,
        'mutation ($name: String!) { createCollection(input: { name: $name }) { id } }',
        { name },
      ).then((d) => d.createCollection.id);
    ids['Collection'] = await create(a, 'relay-one');
    ids['second'] = await create(a, 'relay-two');
    bCollection = await create(b, 'relay-bravo');

    const job = await as<{ ingestDocuments: { id: string } }>(
      a,
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      {
        input: {
          collectionId: ids['Collection'],
          documents: [{ title: 'Leave policy', text: 'Employees get 25 days of annual leave.' }],
        },
      },
    );
    ids['IngestJob'] = job.ingestDocuments.id;
    const statusOf = async (field: 'ingestJob' | 'run', id: string) =>
      (
        await as<Record<string, { status: string } | null>>(
          a,
          `query ($id: ID!) { ${field}(id: $id) { status } }`,
          { id },
        )
      )[field]?.status ?? 'missing';
    await waitFor({
      what: 'the ingest job SUCCEEDED',
      read: () => statusOf('ingestJob', ids['IngestJob']!),
      until: (s) => s === 'SUCCEEDED',
      failWhen: (s) => !IN_PROGRESS.includes(s),
      timeoutMs: 45_000,
    });
    const hits = await as<{ search: { chunk: { id: string; document: { id: string } } }[] }>(
      a,
      'query ($c: ID!) { search(collectionId: $c, query: "annual leave") { chunk { id document { id } } } }',
      { c: ids['Collection'] },
    );
    ids['Chunk'] = hits.search[0]!.chunk.id;
    ids['Document'] = hits.search[0]!.chunk.document.id;
    const asked = await as<{ ask: { id: string; thread: { id: string } } }>(
      a,
      'mutation ($input: AskInput!) { ask(input: $input) { id thread { id } } }',
      { input: { collectionId: ids['Collection'], question: 'How many days of leave?' } },
    );
    ids['Run'] = asked.ask.id;
    ids['Thread'] = asked.ask.thread.id;
    await waitFor({
      what: 'the run SUCCEEDED',
      read: () => statusOf('run', ids['Run']!),
      until: (s) => s === 'SUCCEEDED',
      failWhen: (s) => !IN_PROGRESS.includes(s),
      timeoutMs: 45_000,
    });
    bThread = await insertThread(b, bCollection, '2021-06-01T00:00:00Z');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  describe('threads', () => {
    // A's threads, newest activity first: the asked one, then 45 older ones in groups of three
    // with the same activity time (the id breaks the tie), alternating between two collections.
    const expected: { id: string; collection: string }[] = [];

    beforeAll(async () => {
      const old: { id: string; collection: string; at: string }[] = [];
      for (let i = 0; i < OLD_THREADS; i += 1) {
        const collection = i % 2 === 0 ? ids['Collection']! : ids['second']!;
        const at = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 3) * 1000).toISOString();
        old.push({ id: await insertThread(a, collection, at), collection, at });
      }
      old.sort((x, y) => (x.at === y.at ? (x.id < y.id ? 1 : -1) : x.at < y.at ? 1 : -1));
      expected.push({ id: ids['Thread']!, collection: ids['Collection']! }, ...old);
    });

    it('pages forward over every thread exactly once, newest first, while threads are created', async () => {
      const seen: string[] = [];
      const created: string[] = [];
      let after: string | null = null;
      let first = true;
      for (;;) {
        const page: Page = await threads(a, { first: PAGE, after });
        expect(page.pageInfo.hasPreviousPage).toBe(!first);
        seen.push(...page.edges.map((e) => e.node.id));
        created.push(await insertThread(a, ids['Collection']!, new Date().toISOString()));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
        first = false;
      }
      expect(seen).toEqual(expected.map((t) => t.id));
      // The new threads lead the list the next time it is read from the start.
      const fresh = await threads(a, { first: created.length });
      expect(fresh.edges.map((e) => e.node.id)).toEqual([...created].reverse());
    });

    it('pages backward from the oldest end over every thread exactly once', async () => {
      const before = await threads(a, { first: 100 });
      const current = before.edges.map((e) => e.node.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let last = true;
      for (;;) {
        const page: Page = await threads(a, { last: PAGE, before: cursor });
        expect(page.pageInfo.hasNextPage).toBe(!last);
        seen.unshift(...page.edges.map((e) => e.node.id));
        await insertThread(a, ids['Collection']!, new Date().toISOString());
        if (!page.pageInfo.hasPreviousPage) break;
        cursor = page.pageInfo.startCursor;
        last = false;
      }
      expect(new Set(seen).size).toBe(seen.length);
      // Threads created while paging appear at the newest end only; the others keep their order.
      expect(seen.slice(seen.length - current.length)).toEqual(current);
      expect(seen.slice(-expected.length)).toEqual(expected.map((t) => t.id));
    });

    it('returns to the same page going back with before = startCursor', async () => {
      const one = await threads(a, { first: PAGE, after: null });
      const two = await threads(a, { first: PAGE, after: one.pageInfo.endCursor });
      const back = await threads(a, { last: PAGE, before: two.pageInfo.startCursor });
      expect(back.edges).toEqual(one.edges);
      expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const again = await threads(a, { first: PAGE, after: one.pageInfo.endCursor });
      expect(again.edges).toEqual(two.edges);
      expect(again.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    });

    it('filters by collection', async () => {
      const page = await threads(a, { first: 100, collectionId: ids['second'] });
      const second = expected.filter((t) => t.collection === ids['second']).map((t) => t.id);
      expect(second.length).toBe(22);
      expect(page.edges.map((e) => e.node.id)).toEqual(second);
      expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    });

    it("lists only the caller's workspace: another workspace's collection lists nothing", async () => {
      const bs = await threads(b, { first: 100 });
      expect(bs.edges.map((e) => e.node.id)).toEqual([bThread]);
      const aWithB = await threads(a, { first: 100, collectionId: bCollection });
      expect(aWithB.edges).toEqual([]);
      const bWithA = await threads(b, { first: 100, collectionId: ids['Collection'] });
      expect(bWithA.edges).toEqual([]);
      // A's cursor reveals nothing of A to B: it is only a position in B's own list.
      const aPage = await threads(a, { first: 1 });
      const bAfter = await threads(b, { last: 100, before: aPage.pageInfo.endCursor });
      expect(bAfter.edges.map((e) => e.node.id)).not.toContain(ids['Thread']);
    });

    it('clamps page sizes and rejects what it cannot page', async () => {
      for (let i = 0; i < 50; i += 1) {
        await insertThread(a, ids['second']!, '2019-01-01T00:00:00Z');
      }
      const big = await threads(a, { first: 100_000 });
      expect(big.edges.length).toBe(100);
      expect(big.pageInfo.hasNextPage).toBe(true);
      const bigBack = await threads(a, { last: 100_000 });
      expect(bigBack.edges.length).toBe(100);
      expect(bigBack.pageInfo.hasPreviousPage).toBe(true);
      for (const variables of [
        { first: 2, last: 2 },
        { first: 2, after: 'forged' },
        { last: 2, before: 'forged' },
      ]) {
        const result = await server.execute(THREADS, variables, a);
        expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('Thread.runs', () => {
    it('pages the runs of a thread newest first, in both directions', async () => {
      const thread = ids['Thread']!;
      const inserted: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        const row = await database.db.pool.query<{ id: string }>(
          `INSERT INTO runs (workspace_id, thread_id, collection_id, status, question, created_at)
           VALUES ($1, $2, $3, 'CANCELLED', $4, $5) RETURNING id`,
          [
            a.workspaceId,
            uuid('Thread', thread),
            uuid('Collection', ids['Collection']!),
            `question ${i}`,
            new Date(Date.UTC(2030, 0, 1) + Math.floor(i / 2) * 1000).toISOString(),
          ],
        );
        inserted.push(row.rows[0]!.id);
      }
      const all = (await as<{ thread: { runs: Page } }>(a, RUNS, { id: thread, first: 100 })).thread
        .runs;
      // The six newer runs (pairs share a time: the id breaks the tie), then the asked one.
      const newest = [...inserted]
        .map((id, i) => ({ id: publicId('run', id), at: Math.floor(i / 2) }))
        .sort((x, y) => (x.at === y.at ? (x.id < y.id ? 1 : -1) : y.at - x.at))
        .map((r) => r.id);
      expect(all.edges.map((e) => e.node.id)).toEqual([...newest, ids['Run']]);

      const forward: string[] = [];
      let after: string | null = null;
      for (;;) {
        const runs: Page = (
          await as<{ thread: { runs: Page } }>(a, RUNS, { id: thread, first: 3, after })
        ).thread.runs;
        expect(runs.pageInfo.hasPreviousPage).toBe(after !== null);
        forward.push(...runs.edges.map((e) => e.node.id));
        if (!runs.pageInfo.hasNextPage) break;
        after = runs.pageInfo.endCursor;
      }
      expect(forward).toEqual([...newest, ids['Run']]);

      const backward: string[] = [];
      let before: string | null = null;
      for (;;) {
        const runs: Page = (
          await as<{ thread: { runs: Page } }>(a, RUNS, { id: thread, last: 3, before })
        ).thread.runs;
        expect(runs.pageInfo.hasNextPage).toBe(before !== null);
        backward.unshift(...runs.edges.map((e) => e.node.id));
        if (!runs.pageInfo.hasPreviousPage) break;
        before = runs.pageInfo.startCursor;
      }
      expect(backward).toEqual(forward);
    });
  });

  describe('collections, Collection.documents and Document.chunks', () => {
    // Fails before they read their pages with readKeysetPage: `hasPreviousPage` was always false.
    let c: Principal;
    let collectionId: string;
    let longDocument: string;
    const COLLECTIONS = `query ($first: Int, $after: String) {
      collections(first: $first, after: $after) {
        edges { cursor node { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    const DOCUMENTS = `query ($id: ID!, $first: Int, $after: String) {
      collection(id: $id) {
        documents(first: $first, after: $after) {
          edges { cursor node { id } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }
    }`;
    const CHUNKS = `query ($id: ID!, $first: Int, $after: String) {
      document(id: $id) {
        chunks(first: $first, after: $after) {
          edges { cursor node { id } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }
    }`;
    /** Every page of a connection, forward by `size`, with the page info of each. */
    const pagesOf = async (read: (after: string | null) => Promise<Page>) => {
      const pages: Page[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await read(after);
        pages.push(page);
        if (!page.pageInfo.hasNextPage) return pages;
        after = page.pageInfo.endCursor;
      }
    };
    const flags = (pages: readonly Page[]) =>
      pages.map((p) => [p.edges.length, p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage]);

    beforeAll(async () => {
      const wc = await createWorkspaceWithKeys(database.db.pool, 'relay-c');
      c = { workspaceId: wc.id, role: 'writer', subject: 'test:c' };
      for (let i = 0; i < 5; i += 1) {
        const created = await as<{ createCollection: { id: string } }>(
          c,
          'mutation ($name: String!) { createCollection(input: { name: $name }) { id } }',
          { name: `pages-${i}` },
        );
        collectionId = created.createCollection.id;
      }
      const paragraph = (i: number) =>
        `Section ${i}. ${'Annual leave accrues monthly and carries over once. '.repeat(40)}`;
      const job = await as<{ ingestDocuments: { id: string } }>(
        c,
        'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
        {
          input: {
            collectionId,
            documents: [
              ...Array.from({ length: 4 }, (_, i) => ({ title: `Short ${i}`, text: `Note ${i}.` })),
              {
                title: 'Long',
                text: Array.from({ length: 8 }, (_, i) => paragraph(i)).join('\n\n'),
              },
            ],
          },
        },
      );
      await waitFor({
        what: 'the ingest job SUCCEEDED',
        read: async () =>
          (
            await as<{ ingestJob: { status: string } }>(
              c,
              'query ($id: ID!) { ingestJob(id: $id) { status } }',
              { id: job.ingestDocuments.id },
            )
          ).ingestJob.status,
        until: (s) => s === 'SUCCEEDED',
        failWhen: (s) => !IN_PROGRESS.includes(s),
        timeoutMs: 45_000,
      });
      const all = await as<{
        collection: { documents: { edges: { node: { id: string; title: string } }[] } };
      }>(
        c,
        'query ($id: ID!) { collection(id: $id) { documents { edges { node { id title } } } } }',
        {
          id: collectionId,
        },
      );
      longDocument = all.collection.documents.edges.find((e) => e.node.title === 'Long')!.node.id;
    });

    it('collections: hasPreviousPage is false on the first page only', async () => {
      const pages = await pagesOf(
        async (after) =>
          (await as<{ collections: Page }>(c, COLLECTIONS, { first: 2, after })).collections,
      );
      expect(flags(pages)).toEqual([
        [2, false, true],
        [2, true, true],
        [1, true, false],
      ]);
      const whole = (await as<{ collections: Page }>(c, COLLECTIONS, { first: 5 })).collections;
      expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
      expect(pages.flatMap((p) => p.edges)).toEqual(whole.edges);
    });

    it('Collection.documents: hasPreviousPage is false on the first page only', async () => {
      const read = async (after: string | null) =>
        (
          await as<{ collection: { documents: Page } }>(c, DOCUMENTS, {
            id: collectionId,
            first: 2,
            after,
          })
        ).collection.documents;
      const pages = await pagesOf(read);
      expect(flags(pages)).toEqual([
        [2, false, true],
        [2, true, true],
        [1, true, false],
      ]);
    });

    it('Document.chunks: hasPreviousPage is false on the first page only', async () => {
      const read = async (first: number, after: string | null) =>
        (await as<{ document: { chunks: Page } }>(c, CHUNKS, { id: longDocument, first, after }))
          .document.chunks;
      const whole = await read(100, null);
      const count = whole.edges.length;
      expect(count).toBeGreaterThanOrEqual(3);
      expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
      const pages = await pagesOf((after) => read(1, after));
      expect(flags(pages)).toEqual(
        Array.from({ length: count }, (_, i) => [1, i > 0, i < count - 1]),
      );
      expect(pages.flatMap((p) => p.edges)).toEqual(whole.edges);
    });
  });

  describe('Thread.messages', () => {
    // Fails before it was a connection: `messages` had no arguments and no `edges`
    // (GRAPHQL_VALIDATION_FAILED).
    const MESSAGES = `query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
      thread(id: $id) {
        messages(first: $first, after: $after, last: $last, before: $before) {
          edges { cursor node { role text run { id } } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }
    }`;
    interface MessagePage {
      edges: { cursor: string; node: { role: string; text: string; run: { id: string } } }[];
      pageInfo: PageInfo;
    }
    let c: Principal;
    let collectionId: string;
    let threadId: string;
    const messagesOf = async (variables: Record<string, unknown>) =>
      (await as<{ thread: { messages: MessagePage } }>(c, MESSAGES, { id: threadId, ...variables }))
        .thread.messages;
    const askAndWait = async (question: string) => {
      const asked = await as<{ ask: { id: string; thread: { id: string } } }>(
        c,
        'mutation ($input: AskInput!) { ask(input: $input) { id thread { id } } }',
        { input: { collectionId, question, ...(threadId ? { threadId } : {}) } },
      );
      threadId = asked.ask.thread.id;
      await waitFor({
        what: `the run of "${question}" SUCCEEDED`,
        read: async () =>
          (
            await as<{ run: { status: string } }>(
              c,
              'query ($id: ID!) { run(id: $id) { status } }',
              {
                id: asked.ask.id,
              },
            )
          ).run.status,
        until: (status) => status === 'SUCCEEDED',
        failWhen: (status) => !IN_PROGRESS.includes(status),
        timeoutMs: 45_000,
      });
    };

    beforeAll(async () => {
      const wc = await createWorkspaceWithKeys(database.db.pool, 'relay-messages');
      c = { workspaceId: wc.id, role: 'writer', subject: 'test:messages' };
      collectionId = (
        await as<{ createCollection: { id: string } }>(
          c,
          'mutation { createCollection(input: { name: "messages" }) { id } }',
        )
      ).createCollection.id;
      for (const question of ['Question zero?', 'Question one?', 'Question two?']) {
        await askAndWait(question);
      }
    });

    it('lists the conversation newest first, each turn answer then question', async () => {
      const all = await messagesOf({});
      expect(
        all.edges.map((e) => [e.node.role, e.node.role === 'USER' ? e.node.text : '']),
      ).toEqual([
        ['ASSISTANT', ''],
        ['USER', 'Question two?'],
        ['ASSISTANT', ''],
        ['USER', 'Question one?'],
        ['ASSISTANT', ''],
        ['USER', 'Question zero?'],
      ]);
      expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    });

    it('pages forward and backward over the same messages, with exact flags', async () => {
      const all = (await messagesOf({ first: 100 })).edges;
      const forward: MessagePage[] = [];
      let after: string | null = null;
      for (;;) {
        const page: MessagePage = await messagesOf({ first: 4, after });
        forward.push(page);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(forward.map((p) => [p.edges.length, p.pageInfo.hasPreviousPage])).toEqual([
        [4, false],
        [2, true],
      ]);
      expect(forward.flatMap((p) => p.edges)).toEqual(all);

      const backward: MessagePage[] = [];
      let before: string | null = null;
      for (;;) {
        const page: MessagePage = await messagesOf({ last: 4, before });
        backward.unshift(page);
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      expect(backward.map((p) => [p.edges.length, p.pageInfo.hasNextPage])).toEqual([
        [2, true],
        [4, false],
      ]);
      expect(backward.flatMap((p) => p.edges)).toEqual(all);

      const back = await messagesOf({ last: 4, before: forward[1]!.pageInfo.startCursor });
      expect(back.edges).toEqual(forward[0]!.edges);
    });

    it('keeps its cursors while the conversation grows', async () => {
      const one = await messagesOf({ first: 2 });
      const two = await messagesOf({ first: 2, after: one.pageInfo.endCursor });
      await askAndWait('Question three?');
      const fresh = await messagesOf({ first: 2 });
      expect(fresh.edges.map((e) => e.node.role)).toEqual(['ASSISTANT', 'USER']);
      expect(fresh.edges[1]!.node.text).toBe('Question three?');
      expect(fresh.pageInfo.hasNextPage).toBe(true);
      const again = await messagesOf({ first: 2, after: one.pageInfo.endCursor });
      expect(again.edges).toEqual(two.edges);
      expect(again.pageInfo.hasPreviousPage).toBe(true);
      // The messages newer than the first page's start are the new turn's.
      const newer = await messagesOf({ last: 100, before: one.pageInfo.startCursor });
      expect(newer.edges).toEqual(fresh.edges);
      expect(newer.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    });

    it('rejects what it cannot page', async () => {
      for (const variables of [
        { first: 2, last: 2 },
        { first: 2, after: 'forged' },
        { last: 2, before: 'forged' },
      ]) {
        const result = await server.execute(MESSAGES, { id: threadId, ...variables }, c);
        expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('node', () => {
    it.each(['Collection', 'Document', 'Chunk', 'IngestJob', 'Thread', 'Run'])(
      'resolves a %s by its id, and only in its workspace',
      async (type) => {
        const id = ids[type]!;
        const found = await as<{ node: { __typename: string; id: string } | null }>(a, NODE, {
          id,
        });
        expect(found.node).toMatchObject({ __typename: type, id });
        const other = await server.execute(NODE, { id }, b);
        expect(other.errors).toBeUndefined();
        expect(other.data).toEqual({ node: null });
      },
    );

    it('resolves fields of the concrete type', async () => {
      const run = await as<{ node: { status: string } }>(a, NODE, { id: ids['Run'] });
      expect(run.node.status).toBe('SUCCEEDED');
      const collection = await as<{ node: { name: string } }>(a, NODE, {
        id: ids['Collection'],
      });
      expect(collection.node.name).toBe('relay-one');
    });

    it.each([
      ['an unknown uuid', `thr_${'0'.repeat(32)}`],
      ['an unknown prefix', `zzz_${'0'.repeat(32)}`],
      ['a truncated id', 'run_1234'],
      ['a garbled id', 'col_../../etc/passwd'],
      ['an overlong id', 'x'.repeat(500)],
      ['an empty id', ''],
    ])('answers null for %s', async (_case, id) => {
      const result = await server.execute(NODE, { id }, a);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ node: null });
    });
  });
});
