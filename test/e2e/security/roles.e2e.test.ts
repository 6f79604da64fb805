import { createClient } from 'graphql-ws';
import { getNamedType, isLeafType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Role } from '../../../src/auth/principal.js';
import { buildSchema } from '../../../src/graphql/schema.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { createWorkspaceWithKeys, postAs, type TestWorkspace } from './two-workspaces.js';

// The least role of every root field that changes something or spends model tokens. A field
// missing here fails the suite: a new mutation or subscription must be classified.
const NEEDED: Record<'Mutation' | 'Subscription', Record<string, Role>> = {
  Mutation: {
    createCollection: 'writer',
    ingestDocuments: 'writer',
    deleteDocument: 'writer',
    ask: 'writer',
    cancelRun: 'writer',
    deleteThread: 'writer',
  },
  Subscription: { askStream: 'writer', runEvents: 'reader', ingestJobUpdates: 'reader' },
};
const ROLES: Role[] = ['reader', 'writer', 'admin'];
const FORMS = ['plain', 'inline fragment', 'named fragment', 'nested fragments'] as const;
type Form = (typeof FORMS)[number];

/** An operation calling `field` in `form`, every argument a variable of its declared type. */
function operationFor(
  kind: 'Mutation' | 'Subscription',
  field: GraphQLField<unknown, unknown>,
  form: Form,
): string {
  const variables = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = `${field.name}${args ? `(${args})` : ''}${isLeafType(getNamedType(field.type)) ? '' : ' { __typename }'}`;
  const head = `${kind.toLowerCase()} Op${variables ? `(${variables})` : ''}`;
  switch (form) {
    case 'plain':
      return `${head} { ${selection} }`;
    case 'inline fragment':
      return `${head} { ... on ${kind} { ${selection} } }`;
    case 'named fragment':
      return `${head} { ...F } fragment F on ${kind} { ${selection} }`;
    case 'nested fragments':
      return `${head} { ... { ...G } } fragment G on ${kind} { ... on ${kind} { ...H } } fragment H on ${kind} { ${selection} }`;
  }
}

function codes(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): unknown[] {
  return (errors ?? []).map((e) => e.extensions?.['code']);
}

// The role check must hold for the operation as executed: through inline and named fragments,
// on HTTP and over graphql-ws, for every mutation and subscription of the schema.
describe(`roles hold through fragments on both transports (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let workspace: TestWorkspace;
  const schema = buildSchema();

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ db: database.db, authMode: 'required' });
    workspace = await createWorkspaceWithKeys(database.db.pool, 'roles');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  it('classifies every mutation and subscription of the schema', () => {
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(
      Object.keys(NEEDED.Mutation).sort(),
    );
    expect(Object.keys(schema.getSubscriptionType()!.getFields()).sort()).toEqual(
      Object.keys(NEEDED.Subscription).sort(),
    );
  });

  const wsCodes = async (key: string, query: string): Promise<unknown[]> => {
    const client = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { apiKey: key },
      retryAttempts: 0,
      lazy: true,
    });
    try {
      // The variables are left out on purpose: an operation that passes authorization fails
      // variable coercion instead (BAD_USER_INPUT) and starts nothing.
      return await new Promise<unknown[]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no answer within 10 s')), 10_000);
        const done = (found: unknown[]) => {
          clearTimeout(timer);
          resolve(found);
        };
        const dispose = client.subscribe(
          { query },
          {
            next: (value) => {
              dispose();
              done(codes(value.errors));
            },
            error: (error) => done(Array.isArray(error) ? codes(error) : [String(error)]),
            complete: () => done([]),
          },
        );
      });
    } finally {
      await client.dispose();
    }
  };

  for (const kind of ['Mutation', 'Subscription'] as const) {
    const type = kind === 'Mutation' ? schema.getMutationType()! : schema.getSubscriptionType()!;
    for (const field of Object.values(type.getFields())) {
      for (const role of ROLES) {
        const allowed = ROLES.indexOf(role) >= ROLES.indexOf(NEEDED[kind][field.name] ?? 'admin');
        it(`${kind}.${field.name} as ${role} is ${allowed ? 'allowed' : 'FORBIDDEN'} in every form`, async () => {
          for (const form of FORMS) {
            const query = operationFor(kind, field, form);
            const key = workspace.keys[role];
            const ws = await wsCodes(key, query);
            if (allowed) expect(ws, `${form} over graphql-ws`).toEqual(['BAD_USER_INPUT']);
            else expect(ws, `${form} over graphql-ws`).toEqual(['FORBIDDEN']);
            if (kind === 'Subscription') continue;
            const http = await postAs(server.url, key, query);
            if (allowed) {
              expect(codes(http.body.errors), `${form} over HTTP`).toEqual(['BAD_USER_INPUT']);
              expect(http.status, `${form} over HTTP`).toBe(400);
            } else {
              expect(codes(http.body.errors), `${form} over HTTP`).toEqual(['FORBIDDEN']);
              expect(http.status, `${form} over HTTP`).toBe(403);
            }
          }
        });
      }
    }
  }
});
