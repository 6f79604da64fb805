import type { FakeBehaviour } from '../../../fake-llm/behaviours.js';
import type { FakeLlmServer, RecordedRequest } from '../../../fake-llm/server.js';

/** A `grade` reply judging `ids` relevant (none: irrelevant). */
export function gradeReply(ids: readonly string[]): FakeBehaviour {
  return {
    json: { relevant: ids.length > 0, score: ids.length > 0 ? 0.9 : 0.1, relevantChunkIds: ids },
  };
}

/** An `answer` reply. */
export function answerReply(
  answer: string,
  citations: readonly string[],
  extra: FakeBehaviour = {},
): FakeBehaviour {
  return { json: { answer, citations, grounded: true }, ...extra };
}

/** A `rewrite` reply. */
export function rewriteReply(query: string): FakeBehaviour {
  return { json: { query } };
}

/** What a recorded chat request asked for: `grade`, `rewrite`, `answer` or plain text. */
export function taskOf(request: RecordedRequest): string {
  const body = request.body as { response_format?: { json_schema?: { name?: string } } };
  return body.response_format?.json_schema?.name ?? 'text';
}

/** The chat requests the fake received, as `model:task`, in order. */
export function chatLog(fake: FakeLlmServer): string[] {
  return fake.requests
    .filter((request) => request.path === '/v1/chat/completions')
    .map((request) => `${request.model}:${taskOf(request)}`);
}

/** The messages of a recorded chat request. */
export function messagesOf(
  request: RecordedRequest | undefined,
): { role: string; content: string }[] {
  return (
    (request?.body as { messages?: { role: string; content: string }[] } | undefined)?.messages ??
    []
  );
}
