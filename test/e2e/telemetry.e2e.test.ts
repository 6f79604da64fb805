// The server as `npm start` will run it, with OpenTelemetry loaded by `--import`: trace ids on
// HTTP and graphql-ws responses, `/metrics`, and `run(id) { trace }` from the in-memory store.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/child-server.js';
import { wsClient } from '../support/graphql-ws-client.js';
import { waitFor } from '../support/wait-for.js';
import { askStream } from '../integration/telemetry/support/ask-stream.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TRACE_ID = /^[0-9a-f]{32}$/;

/** `node --import tsx --import ./src/telemetry.ts src/main.ts`, embedded, on a free port. */
async function spawnTracedServer(dataDir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './src/telemetry.ts', 'src/main.ts'],
    {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', PORT: '0', BALLAST_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      if (typeof entry['url'] === 'string') {
        clearTimeout(timer);
        resolve(entry['url']);
      }
    });
    void exited.then(() => reject(new Error(`exited before ready: ${stderr}`)));
  });
  return {
    url,
    logs,
    async stop() {
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

describe('telemetry loaded with --import (EMBEDDED)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ballast-telemetry-'));
  let server: Awaited<ReturnType<typeof spawnTracedServer>>;
  let collectionId: string;

  beforeAll(async () => {
    server = await spawnTracedServer(dataDir);
    const created = await postGraphQL<{ createCollection: { id: string } }>(
      server.url,
      'mutation { createCollection(input: { name: "handbook" }) { id } }',
    );
    collectionId = created.data!.createCollection.id;
    const job = await postGraphQL<{ ingestDocuments: { id: string } }>(
      server.url,
      'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
      {
        input: {
          collectionId,
          documents: [{ title: 'Leave', text: 'Parental leave is sixteen weeks at full pay.' }],
        },
      },
    );
    await waitFor({
      what: 'the ingest job SUCCEEDED',
      read: async () => {
        const state = await postGraphQL<{ ingestJob: { status: string } | null }>(
          server.url,
          'query ($id: ID!) { ingestJob(id: $id) { status } }',
          { id: job.data!.ingestDocuments.id },
        );
        return state.data?.ingestJob?.status ?? `no job: ${JSON.stringify(state.errors)}`;
      },
      until: (status) => status === 'SUCCEEDED',
      failWhen: (status) => status !== 'QUEUED' && status !== 'RUNNING',
      timeoutMs: 60_000,
    });
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('puts the trace id in extensions over HTTP and graphql-ws', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { status } }' }),
    });
    const body = (await response.json()) as { extensions?: { traceId?: string } };
    expect(body.extensions?.traceId).toMatch(TRACE_ID);

    const received = await askStream(server.url, {
      collectionId,
      question: 'How long is parental leave?',
    });
    expect(received.at(-1)!.event.__typename).toBe('RunCompleted');
    expect(received[0]!.extensions?.['traceId']).toMatch(TRACE_ID);

    // A query over graphql-ws (no Apollo plugin there) gets its trace id too.
    const queried = wsClient(server.url);
    const result = await new Promise<{ extensions?: Record<string, unknown> }>(
      (resolve, reject) => {
        queried.subscribe(
          { query: '{ health { status } }' },
          { next: resolve, error: reject, complete: () => undefined },
        );
      },
    ).finally(() => queried.dispose());
    expect(result.extensions?.['traceId']).toMatch(TRACE_ID);
  });

  it('serves a finished run’s trace, nested from the HTTP request down to SQL', async () => {
    const asked = await postGraphQL<{ ask: { id: string } }>(
      server.url,
      'mutation Ask($input: AskInput!) { ask(input: $input) { id } }',
      { input: { collectionId, question: 'Is parental leave paid?' } },
    );
    const runId = asked.data!.ask.id;
    type Span = { spanId: string; parentId: string | null; name: string; kind: string };
    type Run = { status: string; traceId: string; trace: { spans: Span[] } | null };
    const run = await waitFor<Run>({
      what: 'the run SUCCEEDED with its workflow span stored',
      read: async () => {
        const result = await postGraphQL<{ run: Run | null }>(
          server.url,
          `query ($id: ID!) { run(id: $id) { status traceId trace { spans { spanId parentId name kind } } } }`,
          { id: runId },
        );
        const missing = {
          status: `no run: ${JSON.stringify(result.errors)}`,
          traceId: '',
          trace: null,
        };
        return result.data?.run ?? missing;
      },
      until: (r) =>
        r.status === 'SUCCEEDED' &&
        (r.trace?.spans ?? []).some((s) => s.name === 'invoke_workflow agentic-rag'),
      failWhen: (r) => !['QUEUED', 'RUNNING', 'SUCCEEDED'].includes(r.status),
      timeoutMs: 20_000,
    });
    expect(run.traceId).toMatch(TRACE_ID);
    const spans = run.trace!.spans;
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const root = spans.find((s) => s.parentId === null)!;
    expect(root).toMatchObject({ name: 'POST', kind: 'SERVER' });
    const lineage = (span: Span) => {
      const names: string[] = [];
      for (let p = span.parentId; p !== null; p = byId.get(p)!.parentId)
        names.push(byId.get(p)!.name);
      return names;
    };
    const workflow = spans.find((s) => s.name === 'invoke_workflow agentic-rag')!;
    expect(lineage(workflow)).toEqual(['mutation Ask', 'POST']);
    const chat = spans.find((s) => s.name === 'chat extractive-v1')!;
    expect(lineage(chat)).toEqual([
      'node grade',
      'invoke_workflow agentic-rag',
      'mutation Ask',
      'POST',
    ]);
    expect(
      spans.some((s) => s.name.startsWith('pg.query') && lineage(s).includes('node cache')),
    ).toBe(true);
  });

  it('serves /metrics in the Prometheus format', async () => {
    const metrics = await fetch(new URL('/metrics', server.url)).then((r) => r.text());
    expect(metrics).toMatch(/^ballast_run_duration_count\{ballast_run_status="SUCCEEDED".*\} 2$/m);
    expect(metrics).toMatch(
      /^gen_ai_client_operation_duration_count\{gen_ai_operation_name="chat".*ballast_model_id="local".*\} \d+$/m,
    );
    expect(metrics).toMatch(/^ballast_model_circuit_state\{ballast_model_id="local".*\} 0$/m);
    expect(metrics).toMatch(/^http_server_request_duration_count\{.*http_request_method="POST"/m);
    // Per-query pg metrics are off (their cost); query timings are in the spans.
    expect(metrics).not.toContain('db_client_operation_duration');
  });
});
