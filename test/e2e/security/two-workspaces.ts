import type pg from 'pg';
import { createApiKey } from '../../../src/auth/api-keys.js';
import type { Role } from '../../../src/auth/principal.js';

/** A workspace with a key of each role. */
export interface TestWorkspace {
  id: string;
  keys: Record<Role, string>;
}

/** Creates a workspace named `name` and a reader, writer and admin key for it. */
export async function createWorkspaceWithKeys(pool: pg.Pool, name: string): Promise<TestWorkspace> {
  const created = await pool.query<{ id: string }>(
    'INSERT INTO workspaces (name) VALUES ($1) RETURNING id',
    [name],
  );
  const id = created.rows[0]!.id;
  const keys = {} as Record<Role, string>;
  for (const role of ['reader', 'writer', 'admin'] as const) {
    keys[role] = (
      await createApiKey(pool, { workspaceId: id, role, name: `${name}-${role}` })
    ).secret;
  }
  return { id, keys };
}

/** POSTs an operation with an API key; returns status and body. */
export async function postAs(
  url: string,
  key: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never };
}
