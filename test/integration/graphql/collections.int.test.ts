import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const CREATE = `mutation ($input: CreateCollectionInput!) {
  createCollection(input: $input) { id name description createdAt embeddingModel dimensions }
}`;
const LIST = `query ($first: Int, $after: String) {
  collections(first: $first, after: $after) {
    edges { cursor node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const GET = `query ($id: ID!) { collection(id: $id) { id name } }`;

interface Created {
  createCollection: { id: string; name: string };
}
interface Listed {
  collections: {
    edges: { cursor: string; node: { id: string; name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe(`collections (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db });
  });
  afterAll(async () => {
    await server.stop();
    await database.destroy();
  });

  it('creates a collection and reads it back by id', async () => {
    const created = await server.execute<Created>(CREATE, {
      input: { name: '  Handbook  ', description: 'HR policies' },
    });
    expect(created.errors).toBeUndefined();
    const collection = created.data!.createCollection;
    expect(collection.id).toMatch(/^col_[0-9a-f]{32}$/);
    expect(collection.name).toBe('Handbook');

    const read = await server.execute<{ collection: { id: string; name: string } }>(GET, {
      id: collection.id,
    });
    expect(read.data?.collection).toEqual({ id: collection.id, name: 'Handbook' });
  });

  it('pages through every collection exactly once, newest first', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `page-test-${i}`);
    for (const name of names) await server.execute(CREATE, { input: { name } });

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: { data?: Listed | null } = await server.execute<Listed>(LIST, {
        first: 3,
        after,
      });
      const connection = page.data!.collections;
      seen.push(...connection.edges.map((e) => e.node.name));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages += 1;
    } while (after);

    const pageTest = seen.filter((n) => n.startsWith('page-test-'));
    expect(pageTest).toEqual([...names].reverse());
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 3));
  });

  it('clamps first to the maximum page size', async () => {
    const page = await server.execute<Listed>(LIST, { first: 100_000 });
    expect(page.errors).toBeUndefined();
    expect(page.data!.collections.edges.length).toBeLessThanOrEqual(100);
  });

  it('answers null for an id that names nothing', async () => {
    const missing = await server.execute(GET, { id: 'nope' });
    expect(missing.errors).toBeUndefined();
    expect(missing.data).toEqual({ collection: null });

    const unknownUuid = await server.execute(GET, { id: `col_${'0'.repeat(32)}` });
    expect(unknownUuid.data).toEqual({ collection: null });
  });

  it.each([
    ['an empty name', CREATE, { input: { name: '' } }],
    ['a blank name', CREATE, { input: { name: '   ' } }],
    ['a malformed id', GET, { id: 'col_../../etc/passwd' }],
    ['an overlong id', GET, { id: 'x'.repeat(500) }],
    ['a forged cursor', LIST, { first: 2, after: 'not-a-cursor' }],
    ['a wrongly typed variable', LIST, { first: 'ten' }],
  ])('rejects %s with BAD_USER_INPUT', async (_case, query, variables) => {
    const result = await server.execute(query, variables);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('rejects a duplicate name with CONFLICT', async () => {
    await server.execute(CREATE, { input: { name: 'twice' } });
    const again = await server.execute(CREATE, { input: { name: 'twice' } });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
  });

  it('reports parse and validation failures with their own codes', async () => {
    const parse = await server.execute('{ collections {');
    expect(parse.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    const validation = await server.execute('{ nothingHere }');
    expect(validation.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
