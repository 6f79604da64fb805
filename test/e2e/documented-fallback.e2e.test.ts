import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { postGraphQL, spawnServer, type ChildServer } from '../support/child-server.js';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { collectSubscription, wsClient } from '../support/graphql-ws-client.js';
import { envCommand, markedBlock, parseCurl, ROOT } from '../unit/docs/doc-blocks.js';

/**
 * Acceptance 5 of issue 18: the steps of "Trying a fallback chain on the fake server" in
 * docs/models.md, followed as written. Every command, the models file and every GraphQL
 * operation are read from the doc's marked blocks; the only substitutions are the ones the doc
 * itself describes: the fake's port (the doc says how to choose one; the test lets the system
 * pick a free one) and where the models file is saved (a temporary folder, not /tmp itself).
 */
const DOC = 'docs/models.md';
const DOC_PORT = '4010';

interface AskEvent {
  __typename: string;
  seq: number;
  node?: string;
  fromModel?: string;
  toModel?: string;
  reason?: string;
  text?: string;
  answer?: {
    text: string;
    model: string;
    fallbackPath: string[];
    grounded: boolean;
    citations: { chunk: { id: string } | null }[];
  };
  code?: string;
  message?: string;
}

/** The single operation of a documented GraphQL block, and the variables it declares. */
function operationOf(code: string): { text: string; variables: string[] } {
  const definitions = parse(code).definitions;
  const operations = definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  expect(operations).toHaveLength(1);
  return {
    text: code,
    variables: (operations[0]!.variableDefinitions ?? []).map((v) => v.variable.name.value),
  };
}

/** Starts a documented shell command (`VAR=… npm run …`) as this test's own process group. */
function startCommand(command: string, env: Record<string, string>): ChildProcess {
  const { env: assigned, argv } = envCommand(command);
  expect(argv[0]).toBe('npm');
  return spawn(argv[0]!, argv.slice(1), {
    cwd: ROOT,
    env: { ...process.env, ...assigned, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

async function stopGroup(child: ChildProcess | undefined): Promise<void> {
  if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

describe(`the documented fallback chain on npm run fake-llm (${TEST_DATABASE_MODE})`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ballast-doc-fallback-'));
  let fake: ChildProcess | undefined;
  let server: ChildServer | undefined;
  let database: TestDatabase | undefined;

  afterAll(async () => {
    await server?.stop('SIGTERM');
    await stopGroup(fake);
    await database?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a ModelFallback from the first model to the second, which answers', async () => {
    // 1. Start the fake server. The doc: FAKE_LLM_PORT=0 picks a free port, printed in its URL.
    const startFake = markedBlock(DOC, 'start-fake');
    expect(startFake.lang).toBe('sh');
    fake = startCommand(startFake.code, { FAKE_LLM_PORT: '0' });
    let fakeOutput = '';
    fake.stderr!.on('data', (chunk: Buffer) => (fakeOutput += chunk.toString()));
    const fakeUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fake-llm not ready: ${fakeOutput}`)),
        60_000,
      );
      createInterface({ input: fake!.stdout! }).on('line', (line) => {
        fakeOutput += `${line}\n`;
        if (!line.startsWith('{')) return;
        const entry = JSON.parse(line) as { event?: string; url?: string };
        if (entry.event === 'fake_llm_listening' && entry.url) {
          clearTimeout(timer);
          resolve(entry.url);
        }
      });
      fake!.once('exit', (code) => reject(new Error(`fake-llm exited ${code}: ${fakeOutput}`)));
    });
    const port = new URL(fakeUrl).port;
    const onPort = (text: string) => {
      expect(text).toContain(DOC_PORT);
      return text.replaceAll(DOC_PORT, port);
    };

    // 2. The models file, saved where step 4 reads it.
    const modelsBlock = markedBlock(DOC, 'models-file');
    expect(modelsBlock.lang).toBe('json');
    const modelsFile = path.join(dir, 'ballast-fallback.json');
    writeFileSync(modelsFile, onPort(modelsBlock.code));
    const chain = (JSON.parse(modelsBlock.code) as { chat: { id: string }[] }).chat.map(
      (entry) => entry.id,
    );
    expect(chain.length).toBeGreaterThanOrEqual(2);

    // 3. Make the first model fail, over the fake's control API.
    const script = parseCurl(onPort(markedBlock(DOC, 'fail-primary').code));
    const scripted = await fetch(script.url, {
      method: script.method,
      headers: script.headers,
      ...(script.body === undefined ? {} : { body: script.body }),
    });
    expect(await scripted.json()).toEqual({ ok: true });

    // 4. Start Ballast with that file (the server as child-server.ts runs `npm start`'s code).
    const start = envCommand(markedBlock(DOC, 'start-ballast').code);
    expect(start.argv).toEqual(['npm', 'start']);
    expect(Object.keys(start.env)).toEqual(['BALLAST_CONFIG']);
    // …naming the file step 2 told the reader to save.
    expect(readFileSync(`${ROOT}${DOC}`, 'utf8')).toContain(
      `Save this as \`${start.env['BALLAST_CONFIG']}\``,
    );
    const env: Record<string, string> = { BALLAST_CONFIG: modelsFile };
    if (TEST_DATABASE_MODE === 'POSTGRES') {
      database = await createTestDatabase();
      env['DATABASE_URL'] = database.url!;
    } else {
      env['BALLAST_DATA_DIR'] = path.join(dir, 'data');
    }
    server = await spawnServer(env, 90_000);
    const url = server.url;

    // 5. The documented operations, with the variables the doc tells the reader to pass.
    const create = operationOf(markedBlock(DOC, 'create-collection').code);
    expect(create.variables).toEqual([]);
    const created = await postGraphQL<{ createCollection: { id: string } }>(url, create.text);
    const collectionId = created.data!.createCollection.id;

    const ingest = operationOf(markedBlock(DOC, 'ingest').code);
    expect(ingest.variables).toEqual(['collectionId']);
    const job = await postGraphQL<{ ingestDocuments: { id: string } }>(url, ingest.text, {
      collectionId,
    });
    const jobId = job.data!.ingestDocuments.id;

    const client = wsClient(url);
    try {
      const watch = operationOf(markedBlock(DOC, 'watch-ingest').code);
      expect(watch.variables).toEqual(['jobId']);
      const updates = await collectSubscription<{ ingestJobUpdates: { status: string } }>(
        client,
        watch.text,
        { jobId },
      );
      expect(updates.at(-1)?.ingestJobUpdates.status).toBe('SUCCEEDED');

      const ask = operationOf(markedBlock(DOC, 'ask').code);
      expect(ask.variables).toEqual(['collectionId']);
      const payloads = await collectSubscription<{ askStream: AskEvent }>(client, ask.text, {
        collectionId,
      });
      const events = payloads.map((p) => p.askStream);

      // What the doc says the reader sees.
      const fallback = events.find((e) => e.__typename === 'ModelFallback');
      expect(fallback, JSON.stringify(events)).toMatchObject({
        node: 'grade',
        fromModel: chain[0],
        toModel: chain[1],
        reason: 'HTTP_503',
      });
      const last = events.at(-1)!;
      expect(last.__typename, JSON.stringify(last)).toBe('RunCompleted');
      expect(last.answer).toMatchObject({
        model: chain[1],
        fallbackPath: [chain[0], chain[1]],
        grounded: true,
      });
      expect(last.answer!.citations.length).toBeGreaterThan(0);
      const streamed = events
        .filter((e) => e.__typename === 'TokenDelta')
        .map((e) => e.text)
        .join('');
      expect(streamed).toBe(last.answer!.text);
    } finally {
      await client.dispose();
    }
  }, 240_000);
});
