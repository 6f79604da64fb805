import type { ServerResponse } from 'node:http';
import type { FakeBehaviour } from './behaviours.js';
import { defaultReplyFor } from './default-reply.js';
import { pause, sendJson, tokenize, writeEvent } from './http-utils.js';

/** The parts of a chat completion request the fake reads. */
export interface ChatCompletionBody {
  model?: string;
  stream?: boolean;
  messages?: { role: string; content: string | null }[];
  stream_options?: { include_usage?: boolean };
  tools?: { type: string; function: { name: string; parameters?: unknown } }[];
  tool_choice?: unknown;
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown } };
}

const INVALID_JSON = '{"answer": "this JSON never ends';

/**
 * The text this request should get: the scripted reply (unscripted: a reply valid for what the
 * request asks, see `default-reply.ts`), or for a continuation request (last message from the
 * assistant) the rest of it after that prefix, so failover tests are exact.
 */
export function replyFor(body: ChatCompletionBody, behaviour: FakeBehaviour): string {
  const full = behaviour.invalidJson
    ? INVALID_JSON
    : behaviour.json !== undefined
      ? JSON.stringify(behaviour.json)
      : (behaviour.reply ?? defaultReplyFor(body, toolSchemaOf(body)));
  const last = body.messages?.at(-1);
  if (last?.role !== 'assistant' || typeof last.content !== 'string') return full;
  if (!full.startsWith(last.content)) return full;
  return full.slice(Math.max(0, last.content.length - (behaviour.continuationOverlap ?? 0)));
}

function toolNameOf(body: ChatCompletionBody): string | undefined {
  if (!body.tools?.length || body.tool_choice === undefined || body.tool_choice === 'none')
    return undefined;
  const chosen = (body.tool_choice as { function?: { name?: string } }).function?.name;
  return chosen ?? body.tools[0]?.function.name;
}

function toolSchemaOf(body: ChatCompletionBody): unknown {
  const name = toolNameOf(body);
  if (name === undefined) return undefined;
  return body.tools?.find((tool) => tool.function.name === name)?.function.parameters ?? {};
}

const base = (model: string) => ({
  id: 'chatcmpl-fake',
  created: Math.floor(Date.now() / 1000),
  model,
});

/** The `usage` object of a completion, as the fake reports it. */
export interface ReportedUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

function usageOf(body: ChatCompletionBody, tokens: number): ReportedUsage {
  const prompt = (body.messages ?? []).reduce((n, m) => n + tokenize(m.content ?? '').length, 0);
  return { prompt_tokens: prompt, completion_tokens: tokens, total_tokens: prompt + tokens };
}

/**
 * Answers one `/v1/chat/completions` request per `behaviour` (faults already handled).
 * `onFirstToken` is called when streaming, just before the first token (or refusal) is written;
 * `onUsage` when the usage is sent (never for a stream that breaks or was not asked for it).
 */
export async function answerChat(
  res: ServerResponse,
  body: ChatCompletionBody,
  behaviour: FakeBehaviour,
  signal: AbortSignal,
  onFirstToken: () => void = () => undefined,
  onUsage: (usage: ReportedUsage) => void = () => undefined,
): Promise<void> {
  const model = body.model ?? 'fake-model';
  const text = replyFor(body, behaviour);
  const tool = toolNameOf(body);
  const tokens = tokenize(text);
  if (!body.stream) {
    const message =
      behaviour.refusal !== undefined
        ? { role: 'assistant', content: null, refusal: behaviour.refusal }
        : tool !== undefined
          ? {
              role: 'assistant',
              content: null,
              tool_calls: [
                { id: 'call_fake', type: 'function', function: { name: tool, arguments: text } },
              ],
            }
          : { role: 'assistant', content: text };
    const finish = tool !== undefined && behaviour.refusal === undefined ? 'tool_calls' : 'stop';
    const usage = usageOf(body, tokens.length);
    onUsage(usage);
    sendJson(res, 200, {
      ...base(model),
      object: 'chat.completion',
      choices: [{ index: 0, message, finish_reason: finish }],
      usage,
    });
    return;
  }

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    ...base(model),
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  await writeEvent(res, chunk({ role: 'assistant', content: '' }));
  if (!(await pause(behaviour.firstTokenDelayMs, signal))) return;
  if (behaviour.refusal !== undefined) {
    onFirstToken();
    await writeEvent(res, chunk({ refusal: behaviour.refusal }));
  } else {
    for (const [index, token] of tokens.entries()) {
      if (index === behaviour.cutAfterTokens) return void res.socket?.destroy();
      if (index === behaviour.hangAfterTokens) return; // silent; the client's abort ends it
      if (index > 0 && !(await pause(behaviour.tokenDelayMs, signal))) return;
      const delta =
        tool === undefined
          ? { content: token }
          : {
              tool_calls: [
                {
                  index: 0,
                  ...(index === 0 ? { id: 'call_fake', type: 'function' } : {}),
                  function: { ...(index === 0 ? { name: tool } : {}), arguments: token },
                },
              ],
            };
      if (index === 0) onFirstToken();
      await writeEvent(res, chunk(delta));
    }
    // A reply shorter than the fault point still gets the fault, at its end.
    if (behaviour.cutAfterTokens !== undefined) return void res.socket?.destroy();
    if (behaviour.hangAfterTokens !== undefined) return;
  }
  await writeEvent(
    res,
    chunk({}, tool !== undefined && behaviour.refusal === undefined ? 'tool_calls' : 'stop'),
  );
  if (body.stream_options?.include_usage) {
    const usage = usageOf(body, tokens.length);
    onUsage(usage);
    await writeEvent(res, { ...base(model), object: 'chat.completion.chunk', choices: [], usage });
  }
  await writeEvent(res, '[DONE]');
  res.end();
}
