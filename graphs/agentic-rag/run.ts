import { z } from 'zod';
import { AppError } from '../../src/errors.js';
import { threadConfig } from '../../src/checkpoints/index.js';
import { redactQuestion } from './conversation.js';
import { isAgenticRagEvent, type AgenticRagEvent } from './events.js';
import type { AgenticRagGraph } from './graph.js';
import { historyMessageSchema, runInputSchema, type AgenticRagInput } from './state-schemas.js';

/** One run of the graph on a thread. */
export interface AgenticRagRunRequest {
  /** The conversation. */
  threadId: string;
  /** The new question. Omit it to resume the thread's unfinished run from its last checkpoint. */
  input?: AgenticRagInput;
  /** Start from this earlier checkpoint instead of the latest: a fork (time travel). */
  checkpointId?: string;
  /** Aborting it cancels the run and the model request in flight. */
  signal?: AbortSignal;
}

/**
 * What {@link streamAgenticRag} yields: each node's state update as it finishes (the answer
 * is in the update of `validate`, `cache` or `lastResort`), and the custom events
 * (tokens, fallbacks, retrievals) in between.
 */
export type AgenticRagChunk =
  | { kind: 'update'; node: string; update: Record<string, unknown> }
  | { kind: 'event'; event: AgenticRagEvent };

const threadHistory = z.array(historyMessageSchema).catch([]);

// LangGraph writes a run's input to the checkpoint before any node runs: redact it first, so
// raw PII never reaches a checkpoint. Only a question with PII needs the thread's history (to
// keep its placeholder numbers), so only then is the thread read.
async function redactedInput(graph: AgenticRagGraph, request: AgenticRagRunRequest) {
  const parsed = runInputSchema.safeParse(request.input);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.');
    throw new AppError('BAD_USER_INPUT', `invalid run input: ${field}`, { details: { field } });
  }
  const { question } = parsed.data;
  if (redactQuestion(question, []).matches === 0) return parsed.data;
  const { values } = await graph.getState(threadConfig(request.threadId, request.checkpointId));
  const history = threadHistory.parse((values as { history?: unknown }).history);
  return { ...parsed.data, question: redactQuestion(question, history).text };
}

/**
 * The streaming contract for the runs service: runs the graph on a thread with
 * `streamMode: ['updates', 'custom']`, the question redacted before LangGraph stores it, and
 * yields typed chunks. Without `input` it resumes the thread after a crash: completed nodes
 * are not run again. With `checkpointId` it forks from that checkpoint. See `events.ts` for
 * how token events add up to the answer.
 */
export async function* streamAgenticRag(
  graph: AgenticRagGraph,
  request: AgenticRagRunRequest,
): AsyncGenerator<AgenticRagChunk> {
  const input = request.input === undefined ? null : await redactedInput(graph, request);
  const stream = await graph.stream(input, {
    ...threadConfig(request.threadId, request.checkpointId),
    streamMode: ['updates', 'custom'],
    ...(request.signal ? { signal: request.signal } : {}),
  });
  for await (const [mode, chunk] of stream) {
    if (mode === 'custom') {
      if (isAgenticRagEvent(chunk)) yield { kind: 'event', event: chunk };
      continue;
    }
    for (const [node, update] of Object.entries(chunk as Record<string, unknown>)) {
      yield { kind: 'update', node, update: (update ?? {}) as Record<string, unknown> };
    }
  }
}
