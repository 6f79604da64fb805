import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin } from './admin.js';
import { BehaviourBook, type FakeBehaviour } from './behaviours.js';
import { answerChat, type ChatCompletionBody, type ReportedUsage } from './chat-completions.js';
import { answerEmbeddings, type EmbeddingsBody } from './embeddings.js';
import { pause, readJson, sendJson } from './http-utils.js';

/** One request the fake received, as it arrived. */
export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  /** `body.model`, when there is one. */
  model: string | undefined;
  /** `Date.now()` when the request arrived. */
  at: number;
  /** True once the client went away before the response was complete. */
  aborted: boolean;
  /**
   * Streaming chat: when the first token (or refusal) was handed to the socket, as
   * `performance.timeOrigin + performance.now()` — epoch ms with sub-ms resolution, comparable
   * with `Date.now()` and, in the same process, exactly with other readings of that sum.
   */
  firstTokenAt?: number;
  /** Chat: the token usage the fake reported in its response, when it sent one. */
  usage?: ReportedUsage;
}

/** Options of {@link createFakeLlmServer}. */
export interface FakeLlmServerOptions {
  /** Port to listen on; 0 picks a free one. Default: 0. */
  port?: number;
  /** Interface to listen on. Default: `127.0.0.1`. */
  host?: string;
}

/** A running fake OpenAI-compatible server. */
export interface FakeLlmServer {
  /** Base URL including `/v1`, as a `baseURL` setting expects. */
  url: string;
  /** Every request so far, in arrival order. */
  requests: RecordedRequest[];
  /** Sets how requests for `model` are answered (see `BehaviourBook`). */
  script(model: string, behaviour: FakeBehaviour | readonly FakeBehaviour[]): void;
  /** Forgets scripts and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A fake OpenAI-compatible API on node:http: `/v1/chat/completions` (SSE streaming or not, JSON
 * mode, tool calls), `/v1/embeddings` (deterministic vectors), `/v1/models`, with faults
 * scripted per model name and recorded requests, so tests can assert what reached a provider.
 * A fake in another process is scripted over HTTP instead (see `admin.ts`).
 */
export async function createFakeLlmServer(
  options: FakeLlmServerOptions = {},
): Promise<FakeLlmServer> {
  const book = new BehaviourBook();
  const requests: RecordedRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    if (handleAdmin(req.method ?? 'GET', path, body, { book, requests }, res)) return;
    const model = (body as { model?: unknown } | undefined)?.model;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      body,
      model: typeof model === 'string' ? model : undefined,
      at: Date.now(),
      aborted: false,
    };
    requests.push(record);
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) record.aborted = true;
      gone.abort();
    });

    if (req.method === 'GET' && path === '/v1/models') {
      const ids = ['fake-model', ...book.models()];
      return sendJson(res, 200, {
        object: 'list',
        data: ids.map((id) => ({ id, object: 'model', owned_by: 'fake' })),
      });
    }
    const routes: Record<string, (behaviour: FakeBehaviour) => Promise<void> | void> = {
      '/v1/chat/completions': (b) =>
        answerChat(
          res,
          body as ChatCompletionBody,
          b,
          gone.signal,
          () => {
            record.firstTokenAt ??= performance.timeOrigin + performance.now();
          },
          (usage) => {
            record.usage = usage;
          },
        ),
      '/v1/embeddings': (b) => answerEmbeddings(res, body as EmbeddingsBody, b),
    };
    const route = req.method === 'POST' ? routes[path] : undefined;
    if (route === undefined)
      return sendJson(res, 404, { error: { message: `no route ${req.method} ${path}` } });

    const behaviour = book.next(record.model ?? '');
    if (behaviour.hang) return; // held open until the client aborts or the server closes
    if (!(await pause(behaviour.latencyMs, gone.signal))) return;
    if (behaviour.status !== undefined) {
      const headers: Record<string, string> =
        behaviour.retryAfter === undefined ? {} : { 'retry-after': behaviour.retryAfter };
      return sendJson(
        res,
        behaviour.status,
        { error: { message: `scripted ${behaviour.status}`, type: 'fake_error' } },
        headers,
      );
    }
    await route(behaviour);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 400, { error: { message: String(error) } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    url: `http://${address}:${port}/v1`,
    requests,
    script: (model, behaviour) => book.script(model, behaviour),
    reset: () => {
      book.reset();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
