import { streamAgenticRag, type AgenticRagGraph } from '../../graphs/agentic-rag/index.js';
import type { GraphRunner, GraphRunOutput } from './graph-runner.js';
import type { AnswerRecord } from './run-row.js';

/**
 * Runs the agentic-RAG graph for the runs service: maps its node updates and custom events
 * onto run events, and picks the answer out of the update that carries it.
 */
export function agenticRagRunner(graph: AgenticRagGraph): GraphRunner {
  return {
    async *run(input, signal): AsyncGenerator<GraphRunOutput> {
      const chunks = streamAgenticRag(graph, {
        threadId: input.threadId,
        ...(input.resume
          ? {}
          : {
              input: {
                workspaceId: input.workspaceId,
                collectionId: input.collectionId,
                question: input.question,
              },
            }),
        ...(input.fromCheckpointId && !input.resume
          ? { checkpointId: input.fromCheckpointId }
          : {}),
        signal,
      });
      for await (const chunk of chunks) {
        if (chunk.kind === 'update') {
          yield { kind: 'event', event: { type: 'NodeFinished', payload: { node: chunk.node } } };
          const answer = chunk.update['answer'] as AnswerRecord | null | undefined;
          if (answer) yield { kind: 'answer', answer };
          continue;
        }
        const { event } = chunk;
        if (event.type === 'token') yield { kind: 'token', text: event.text, model: event.model };
        else if (event.type === 'fallback') {
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
    },
  };
}
