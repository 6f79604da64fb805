import { streamAgenticRag, type AgenticRagGraph } from '../../graphs/agentic-rag/index.js';
import { threadConfig } from '../checkpoints/index.js';
import type { GraphRunInput, GraphRunner, GraphRunOutput } from './graph-runner.js';
import type { AnswerRecord } from './run-row.js';

/**
 * Runs the agentic-RAG graph for the runs service: maps its node updates and custom events
 * onto run events, and picks the answer out of the update that carries it.
 *
 * A resumed run whose graph has nothing left to run was interrupted at one of the two edges of
 * its execution: after the graph's last checkpoint (the thread's state holds this run's
 * question and answer: that answer is the run's), or before the graph stored its question (the
 * state is the previous run's: this run starts from its question). An answer found that way
 * streams as one token, as a cached answer does: the client discarded its text at `RunResumed`.
 */
export function agenticRagRunner(graph: AgenticRagGraph): GraphRunner {
  const stream = (input: GraphRunInput, resume: boolean, signal: AbortSignal) =>
    outputsOf(
      streamAgenticRag(graph, {
        threadId: input.threadId,
        ...(resume
          ? {}
          : {
              input: {
                workspaceId: input.workspaceId,
                collectionId: input.collectionId,
                question: input.question,
                runId: input.runId,
              },
            }),
        ...(input.fromCheckpointId && !resume ? { checkpointId: input.fromCheckpointId } : {}),
        signal,
      }),
    );
  return {
    async *run(input, signal): AsyncGenerator<GraphRunOutput> {
      let ranAnything = false;
      for await (const output of stream(input, input.resume, signal)) {
        ranAnything = true;
        yield output;
      }
      if (!input.resume || ranAnything) return;
      const { values } = await graph.getState(threadConfig(input.threadId));
      const state = values as { question?: unknown; answer?: AnswerRecord | null };
      // Questions are stored redacted, by the same redaction: equal text, the same question.
      if (state.question === input.question && state.answer) {
        yield { kind: 'token', text: state.answer.text, model: state.answer.model };
        yield { kind: 'answer', answer: state.answer };
        return;
      }
      yield* stream(input, false, signal);
    },
  };
}

async function* outputsOf(
  chunks: ReturnType<typeof streamAgenticRag>,
): AsyncGenerator<GraphRunOutput> {
  for await (const chunk of chunks) {
    if (chunk.kind === 'update') {
      yield { kind: 'event', event: { type: 'NodeFinished', payload: { node: chunk.node } } };
      const answer = chunk.update['answer'] as AnswerRecord | null | undefined;
      if (answer) yield { kind: 'answer', answer };
      continue;
    }
    const { event } = chunk;
    if (event.type === 'nodeStarted') {
      yield { kind: 'event', event: { type: 'NodeStarted', payload: { node: event.node } } };
    } else if (event.type === 'token') {
      yield { kind: 'token', text: event.text, model: event.model };
    } else if (event.type === 'fallback') {
      const { type: _type, ...payload } = event;
      yield { kind: 'event', event: { type: 'ModelFallback', payload } };
    } else {
      yield {
        kind: 'event',
        event: {
          type: 'RetrievalDone',
          payload: { query: event.query, chunkIds: event.chunkIds },
        },
      };
    }
  }
}
