import { threadConfig } from '../../src/checkpoints/index.js';
import type { AgenticRagEvent } from './events.js';
import type { AgenticRagGraph } from './graph.js';
import type { AgenticRagInput } from './state-schemas.js';

/** One run of the graph on a thread. */
export interface AgenticRagRunRequest {
  /** The conversation. */
  threadId: string;
  /**
   * The new question, validated and redacted by the caller (the runs service). Omit it to resume
   * the thread's unfinished run from its last checkpoint.
   */
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

/**
 * The streaming contract for the runs service: runs the graph on a thread with
 * `streamMode: ['updates', 'custom']` and yields typed chunks. Without `input` it resumes the
 * thread after a crash: completed nodes are not run again. With `checkpointId` it forks from that checkpoint. See `events.ts` for
 * how token events add up to the answer.
 */
export async function* streamAgenticRag(
  graph: AgenticRagGraph,
  request: AgenticRagRunRequest,
): AsyncGenerator<AgenticRagChunk> {
  const stream = await graph.stream(request.input ?? null, {
    ...threadConfig(request.threadId, request.checkpointId),
    streamMode: ['updates', 'custom'],
    ...(request.signal ? { signal: request.signal } : {}),
  });
  for await (const [mode, chunk] of stream) {
    if (mode === 'custom') {
      // Only this graph's nodes write to the custom stream, through the typed `emit`: no
      // per-token validation.
      yield { kind: 'event', event: chunk as AgenticRagEvent };
      continue;
    }
    for (const [node, update] of Object.entries(chunk as Record<string, unknown>)) {
      yield { kind: 'update', node, update: (update ?? {}) as Record<string, unknown> };
    }
  }
}
