import type { IncomingMessage, ServerResponse } from 'node:http';

/** Resolves after `ms`, or early (false) when `signal` aborts. */
export function pause(ms: number | undefined, signal: AbortSignal): Promise<boolean> {
  if (!ms || ms <= 0) return Promise.resolve(!signal.aborted);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Reads a request body as JSON (`{}` when empty). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

/** Sends `body` as JSON with `status`. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Writes one SSE `data:` event and resolves once it is flushed to the socket. */
export function writeEvent(res: ServerResponse, data: unknown): Promise<void> {
  const line = `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
  return new Promise((resolve) => res.write(line, () => resolve()));
}

/** Splits text into word tokens that concatenate back to it exactly. */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+\s*/gu) ?? (text === '' ? [] : [text]);
}
