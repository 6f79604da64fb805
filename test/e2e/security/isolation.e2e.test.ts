import { createClient } from 'graphql-ws';
import {
  getNamedType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildSchema } from '../../../src/graphql/schema.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { waitFor } from '../../support/wait-for.js';
import { createWorkspaceWithKeys, postAs, type TestWorkspace } from './two-workspaces.js';

const IN_PROGRESS = ['QUEUED', 'RUNNING'];

// Every root field of the schema is tried with workspace B's admin key against workspace A's
// objects. The operations are built from the schema itself: a new field whose arguments this
// table cannot fill fails the suite until it is covered.
describe(`workspace isolation over every root field (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let a: TestWorkspace;
  let b: TestWorkspace;
  const ids: Record<string, string> = {};
  const secrets: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db, authMode: 'required' });
    a = await createWorkspaceWithKeys(database.db.pool, 'alpha');
    b = await createWorkspaceWithKeys(database.db.pool, 'bravo');
    const as = (q: string, v: Record<string, unknown> = {}) =>
      postAs(server.url, a.keys.writer, q, v);
    // The status of A's job or run, or what the server said instead.
    const statusOf = async (field: 'ingestJob' | 'run', id: string) => {
      const { body } = await as(`query ($id: ID!) { ${field}(id: $id) { status } }`, { id });
      const found = body.data?.[field] as { status: string } | null | undefined;
      return found?.status ?? `no ${field}: ${JSON.stringify(body.errors ?? body.data)}`;
    };
    const collection = await as(
      'mutation { createCollection(input: { name: "alpha-secret-collection" }) { id } }',
    );
    ids['collection'] = (collection.body.data!['createCollection'] as { id: string }).id;
    const job = await as(
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      {
        input: {
          collectionId: ids['collection'],
          documents: [{ title: 'alpha-secret-doc', text: 'The alpha launch code is sunflower.' }],
        },
      },
    );
    ids['ingestJob'] = (job.body.data!['ingestDocuments'] as { id: string }).id;
    await waitFor({
      what: "A's ingest job SUCCEEDED",
      read: () => statusOf('ingestJob', ids['ingestJob']!),
      until: (status) => status === 'SUCCEEDED',
      failWhen: (status) => !IN_PROGRESS.includes(status),
      timeoutMs: 45_000,
      // Every read is an API request, within the caller's 600 a minute.
      intervalMs: 200,
    });
    const hits = await as(
      'query ($c: ID!) { search(collectionId: $c, query: "launch code") { chunk { id document { id } } } }',
      { c: ids['collection'] },
    );
    const hit = (
      hits.body.data!['search'] as { chunk: { id: string; document: { id: string } } }[]
    )[0]!;
    ids['document'] = hit.chunk.document.id;
    ids['chunk'] = hit.chunk.id;
    const run = await as(
      'mutation ($input: AskInput!) { ask(input: $input) { id thread { id } } }',
      {
        input: { collectionId: ids['collection'], question: 'What is the launch code?' },
      },
    );
    const asked = run.body.data!['ask'] as { id: string; thread: { id: string } };
    ids['run'] = asked.id;
    ids['thread'] = asked.thread.id;
    await waitFor({
      what: "A's run SUCCEEDED",
      read: () => statusOf('run', ids['run']!),
      until: (status) => status === 'SUCCEEDED',
      failWhen: (status) => !IN_PROGRESS.includes(status),
      timeoutMs: 45_000,
      // Every read is an API request, within the caller's 600 a minute.
      intervalMs: 200,
    });
    const form = new FormData();
    form.append('file', new Blob(['The alpha vault code is marigold.']), 'alpha-secret-file.txt');
    const uploaded = await fetch(server.url.replace(/\/graphql$/, '/files'), {
      method: 'POST',
      headers: { authorization: `Bearer ${a.keys.writer}` },
      body: form,
    });
    ids['file'] = ((await uploaded.json()) as { files: { id: string }[] }).files[0]!.id;
    secrets.push(
      ...Object.values(ids),
      'alpha-secret-file.txt',
      'alpha-secret-collection',
      'alpha-secret-doc',
      'sunflower',
      a.id,
    );
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  // Which of A's objects an ID argument of a root field names.
  const ID_ARGUMENTS: Record<string, string> = {
    'collection.id': 'collection',
    'document.id': 'document',
    'file.id': 'file',
    'ingestJob.id': 'ingestJob',
    'run.id': 'run',
    'thread.id': 'thread',
    'threads.collectionId': 'collection',
    'node.id': 'run',
    'search.collectionId': 'collection',
    'deleteDocument.id': 'document',
    'cancelRun.id': 'run',
    'deleteThread.id': 'thread',
    'ingestJobUpdates.id': 'ingestJob',
    'runEvents.runId': 'run',
    'IngestDocumentsInput.collectionId': 'collection',
    'AskInput.collectionId': 'collection',
    'AskInput.threadId': 'thread',
    'DocumentInput.fileId': 'file',
  };
  const STRINGS: Record<string, string> = {
    query: 'launch code',
    question: 'What is the launch code?',
    name: 'bravo-made',
    title: 'b',
  };

  function valueFor(owner: string, name: string, type: GraphQLInputType): unknown {
    const named = getNamedType(type);
    const key = `${owner}.${name}`;
    if (named.name === 'ID') {
      const target = ID_ARGUMENTS[key];
      if (!target) throw new Error(`isolation suite: no A object for ID argument ${key}; add it`);
      return ids[target];
    }
    if (!isNonNullType(type)) return undefined;
    if (isInputObjectType(named)) {
      return Object.fromEntries(
        Object.values(named.getFields())
          .map((f) => [f.name, valueFor(named.name, f.name, f.type)] as const)
          .filter(([, v]) => v !== undefined),
      );
    }
    if (type.ofType.toString().startsWith('[')) return [{ title: 'b', text: 'bravo text' }];
    if (named.name === 'String') return STRINGS[name] ?? 'x';
    if (named.name === 'Int') return 5;
    if (named.name === 'Boolean') return false;
    throw new Error(`isolation suite: cannot fill ${key}`);
  }

  function selectionOf(field: GraphQLField<unknown, unknown>): string {
    const named = getNamedType(field.type);
    if (isScalarType(named) || !('getFields' in named)) return '';
    const fields = (
      named as { getFields(): Record<string, GraphQLField<unknown, unknown>> }
    ).getFields();
    const scalars = Object.values(fields)
      .filter((f) => f.args.length === 0 && isScalarType(getNamedType(f.type)))
      .map((f) => f.name);
    return `{ __typename ${scalars.join(' ')} }`;
  }

  function operationFor(
    kind: 'query' | 'mutation' | 'subscription',
    field: GraphQLField<unknown, unknown>,
  ) {
    const variables: Record<string, unknown> = {};
    const defs: string[] = [];
    const args: string[] = [];
    for (const arg of field.args) {
      const value = valueFor(field.name, arg.name, arg.type);
      if (value === undefined) continue;
      variables[arg.name] = value;
      defs.push(`$${arg.name}: ${arg.type.toString()}`);
      args.push(`${arg.name}: $${arg.name}`);
    }
    const head = defs.length ? `(${defs.join(', ')})` : '';
    const call = args.length ? `(${args.join(', ')})` : '';
    const selection =
      isObjectType(getNamedType(field.type)) || !isScalarType(getNamedType(field.type))
        ? selectionOf(field)
        : '';
    return { query: `${kind} ${head} { ${field.name}${call} ${selection} }`, variables };
  }

  const schema = buildSchema();
  const roots = [
    ['query', schema.getQueryType()!],
    ['mutation', schema.getMutationType()!],
  ] as const;

  for (const [kind, type] of roots) {
    for (const field of Object.values(type.getFields())) {
      it(`${kind} ${field.name} reveals and changes nothing of another workspace`, async () => {
        const { query, variables } = operationFor(kind, field);
        const result = await postAs(server.url, b.keys.admin, query, variables);
        const text = JSON.stringify(result.body);
        for (const secret of secrets) expect(text).not.toContain(secret);
        const codes = (result.body.errors ?? []).map((e) => e.extensions?.['code']);
        expect(codes.every((c) => c === 'NOT_FOUND' || c === 'BAD_USER_INPUT')).toBe(true);
      });
    }
  }

  for (const field of Object.values(schema.getSubscriptionType()!.getFields())) {
    it(`subscription ${field.name} reveals nothing of another workspace`, async () => {
      const { query, variables } = operationFor('subscription', field);
      const client = createClient({
        url: server.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${b.keys.admin}` },
      });
      try {
        const outcome = await new Promise<unknown[]>((resolve) => {
          const seen: unknown[] = [];
          client.subscribe(
            { query, variables },
            {
              next: (value) => seen.push(value),
              error: (error) => resolve([...seen, error]),
              complete: () => resolve(seen),
            },
          );
        });
        const text = JSON.stringify(outcome);
        for (const secret of secrets) expect(text).not.toContain(secret);
        expect(text).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
      } finally {
        await client.dispose();
      }
    });
  }

  it("ask on A's collection without a thread creates no thread and no run for B", async () => {
    const count = async () =>
      (
        await database.db.pool.query<{ threads: number; runs: number }>(
          `SELECT (SELECT count(*)::int FROM threads WHERE workspace_id = $1) AS threads,
                  (SELECT count(*)::int FROM runs WHERE workspace_id = $1) AS runs`,
          [b.id],
        )
      ).rows[0];
    const before = await count();
    const result = await postAs(
      server.url,
      b.keys.writer,
      'mutation ($input: AskInput!) { ask(input: $input) { id } }',
      { input: { collectionId: ids['collection'], question: 'What is the launch code?' } },
    );
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'collectionId',
    });
    expect(await count()).toEqual(before);
  });

  it("leaves every object of workspace A intact after B's attempts", async () => {
    const check = await postAs(
      server.url,
      a.keys.reader,
      `query ($c: ID!, $d: ID!, $r: ID!, $t: ID!) {
        collection(id: $c) { name documentCount } document(id: $d) { title }
        run(id: $r) { status } thread(id: $t) { id }
      }`,
      { c: ids['collection'], d: ids['document'], r: ids['run'], t: ids['thread'] },
    );
    expect(check.body.data).toMatchObject({
      collection: { name: 'alpha-secret-collection', documentCount: 1 },
      document: { title: 'alpha-secret-doc' },
      run: { status: 'SUCCEEDED' },
      thread: { id: ids['thread'] },
    });
  });
});
