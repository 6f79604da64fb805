import type { ServerResponse } from 'node:http';
import type { BehaviourBook, FakeBehaviour } from './behaviours.js';
import { sendJson } from './http-utils.js';

/** What the admin routes act on. */
export interface AdminState {
  book: BehaviourBook;
  requests: unknown[];
}

/**
 * Control over HTTP, for a fake started in another process (`npm run fake-llm`):
 * `POST /_fake/script {model, behaviour}` (behaviour: one or a list), `POST /_fake/reset`,
 * `GET /_fake/requests`. Returns false when `path` is not an admin route.
 */
export function handleAdmin(
  method: string,
  path: string,
  body: unknown,
  state: AdminState,
  res: ServerResponse,
): boolean {
  if (method === 'POST' && path === '/_fake/script') {
    const { model, behaviour } = body as {
      model?: unknown;
      behaviour?: FakeBehaviour | FakeBehaviour[];
    };
    if (typeof model !== 'string' || typeof behaviour !== 'object' || behaviour === null) {
      sendJson(res, 400, {
        error: { message: 'expected {"model": string, "behaviour": object | object[]}' },
      });
    } else {
      state.book.script(model, behaviour);
      sendJson(res, 200, { ok: true });
    }
    return true;
  }
  if (method === 'POST' && path === '/_fake/reset') {
    state.book.reset();
    state.requests.length = 0;
    sendJson(res, 200, { ok: true });
    return true;
  }
  if (method === 'GET' && path === '/_fake/requests') {
    sendJson(res, 200, state.requests);
    return true;
  }
  return false;
}
