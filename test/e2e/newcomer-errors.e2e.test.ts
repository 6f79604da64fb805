import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  postGraphQL,
  runServerToExit,
  spawnServer,
  type ChildServer,
  type ServerExit,
} from '../support/child-server.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../support/database.js';
import { withDatabase } from '../support/template.js';

// The default wait for a database that is not there yet is 5 s, plus the start itself on a busy
// machine; a server that hangs instead of exiting is killed at this deadline.
const EXIT_DEADLINE_MS = 25_000;
const PASSWORD = 'hunter2-not-shown';

/** A port nothing listens on: bound by the kernel's choice, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The one line a failed start printed, parsed; fails unless there is exactly one, all JSON. */
function onlyLogLine(exit: ServerExit): Record<string, unknown> {
  const printed = `stdout:\n${exit.lines.join('\n')}\nstderr:\n${exit.stderr}`;
  expect(exit.stderr, printed).toBe('');
  expect(exit.lines, printed).toHaveLength(1);
  const line = JSON.parse(exit.lines[0]!) as Record<string, unknown>;
  expect(line, printed).toMatchObject({ level: 60 });
  expect(line).not.toHaveProperty('err');
  expect(exit.lines[0]).not.toMatch(/\bat .+:\d+:\d+/);
  return line;
}

describe('a start that cannot succeed says why in one JSON line', () => {
  it('names DATABASE_URL, masks its password and says "connection refused" for a closed port', async () => {
    const port = await closedPort();
    const exit = await runServerToExit(
      { DATABASE_URL: `postgres://ballast:${PASSWORD}@127.0.0.1:${port}/ballast` },
      EXIT_DEADLINE_MS,
    );
    expect(exit.code).toBe(1);
    const line = onlyLogLine(exit);
    expect(line['msg']).toContain(`DATABASE_URL=postgres://ballast:***@127.0.0.1:${port}/ballast`);
    expect(line['msg']).toMatch(/connection refused/);
    expect(line['code']).toBe('ECONNREFUSED');
    expect(exit.lines[0]).not.toContain(PASSWORD);
  });

  it.runIf(TEST_DATABASE_URL)('names DATABASE_URL and the missing database at once', async () => {
    const name = `ballast_missing_${randomBytes(4).toString('hex')}`;
    const url = new URL(withDatabase(TEST_DATABASE_URL!, name));
    url.password = PASSWORD;
    const exit = await runServerToExit({ DATABASE_URL: url.toString() }, EXIT_DEADLINE_MS);
    expect(exit.code).toBe(1);
    const line = onlyLogLine(exit);
    expect(line['msg']).toContain('DATABASE_URL=postgres://');
    expect(line['msg']).toContain(`:***@${url.host}/${name}`);
    expect(line['msg']).toContain(`database "${name}" does not exist`);
    expect(line['code']).toBe('3D000');
    expect(exit.lines[0]).not.toContain(PASSWORD);
  });

  it('names every invalid variable of the environment', async () => {
    const exit = await runServerToExit({ PORT: 'eighty' }, EXIT_DEADLINE_MS);
    expect(exit.code).toBe(1);
    const line = onlyLogLine(exit);
    expect(line['msg']).toMatch(/^Invalid configuration: PORT: /);
  });
});

/** `BALLAST_FILE_MAX_BYTES` of the running server below. */
const FILE_LIMIT_BYTES = 1000;

describe(`a running server speaks JSON only (${TEST_DATABASE_MODE})`, () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let server: ChildServer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ballast-newcomer-'));
    const env: Record<string, string> = {};
    if (TEST_DATABASE_URL) {
      database = await createTestDatabase();
      env['DATABASE_URL'] = database.url!;
    } else {
      env['BALLAST_DATA_DIR'] = path.join(dir, 'data');
    }
    // Telemetry on, as `npm start` runs, with a setting it warns about.
    env['OTEL_NODE_ENABLED_INSTRUMENTATIONS'] = 'http,graphql,pg,undici,nosuch';
    env['BALLAST_FILE_MAX_BYTES'] = String(FILE_LIMIT_BYTES);
    server = await spawnServer(env, undefined, { telemetry: true });
  });
  afterAll(async () => {
    await server.stop('SIGKILL');
    await database?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes a socket that sends a 2 MB question with 1009 and a reason naming the limit', async () => {
    const client = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const before = server.lines.length;
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        client.subscribe(
          {
            query: 'subscription ($input: AskInput!) { askStream(input: $input) { __typename } }',
            variables: { input: { collectionId: 'any', question: 'x'.repeat(2 * 1024 * 1024) } },
          },
          { next: () => undefined, error: resolve, complete: () => resolve('completed') },
        );
      });
      expect(outcome).toMatchObject({
        code: 1009,
        reason: 'message too big: the limit is 1048576 bytes',
      });
    } finally {
      await client.dispose();
    }
    const probe = await postGraphQL(server.url, '{ health { status } }');
    expect(probe.data).toEqual({ health: { status: 'OK' } });
    const logged = server.lines.slice(before);
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({
      level: 40,
      code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH',
      limitBytes: 1048576,
    });
  });

  it('names the limit of an HTTP body over 20 MiB', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ health { status } } #${'x'.repeat(21 * 1024 * 1024)}` }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'request body too large: the limit is 20971520 bytes',
          extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: 20971520 },
        },
      ],
    });
  });

  it('names the limit of an upload over BALLAST_FILE_MAX_BYTES', async () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob(['x'.repeat(FILE_LIMIT_BYTES + 1)], { type: 'text/plain' }),
      'big.txt',
    );
    const response = await fetch(server.url.replace(/\/graphql$/, '/files'), {
      method: 'POST',
      body: form,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: FILE_LIMIT_BYTES } }],
    });
  });

  it('prints JSON lines only, from start to stop, and nothing on standard error', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
    const stdout = server.process.stdout!;
    if (!stdout.closed) await new Promise((resolve) => stdout.once('close', resolve));
    const notJson = server.lines.filter((line) => {
      try {
        return typeof JSON.parse(line) !== 'object';
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
    expect(server.stderr).toBe('');
    expect(server.logs).toContainEqual(
      expect.objectContaining({
        level: 40,
        warning: { name: 'TelemetryWarning' },
        msg: expect.stringContaining('no nosuch instrumentation'),
      }),
    );
    expect(server.logs.at(-1)).toMatchObject({ msg: 'stopped' });
  });
});
