import { AppError } from '../../../src/errors.js';
import { contentHash } from '../../../src/ingest/text/index.js';
import { appendTurn } from '../conversation.js';
import { defineNode } from '../define-node.js';
import type { NodeDeps } from '../deps.js';
import { isFirstTurn, type AgenticRagAnswer, type AgenticRagValues } from '../state.js';

type RespondDeps = Pick<NodeDeps, 'router' | 'cache' | 'embedder' | 'now' | 'logger'>;

// Answers of the local model are not cached: it is instant and deterministic, and a cached
// copy would keep serving its extractive answer after the remote models recover.
function worthCaching(deps: RespondDeps, state: AgenticRagValues, answer: AgenticRagAnswer) {
  return (
    isFirstTurn(state) &&
    !answer.cached &&
    answer.grounded &&
    answer.citations.length > 0 &&
    deps.router.model(answer.model).provider.kind !== 'local'
  );
}

async function storeAnswer(deps: RespondDeps, state: AgenticRagValues, answer: AgenticRagAnswer) {
  const vector = state.questionEmbedding ?? (await deps.embedder.embed([state.question]))[0] ?? [];
  const textOf = new Map(state.chunks.map((chunk) => [chunk.chunkId, chunk.text]));
  await deps.cache.store({
    workspaceId: state.workspaceId,
    collectionId: state.collectionId,
    question: state.question,
    embedding: { vector, model: deps.embedder.model },
    answer: {
      text: answer.text,
      citations: answer.citations,
      model: answer.model,
      grounded: answer.grounded,
    },
    // The hash of the text the answer was built on: any later change retires the entry.
    cited: answer.citations.map(({ chunkId }) => ({
      chunkId,
      contentHash: contentHash(textOf.get(chunkId) ?? ''),
    })),
    createdAt: deps.now(),
  });
}

/**
 * `respond` closes a run: it caches a grounded, cited answer of a remote model (first turns
 * only; a failed cache write is logged, not fatal) and appends the turn to the thread's history.
 */
export function respondNode(deps: RespondDeps) {
  return defineNode('respond', ['history'], async (state) => {
    const answer = state.answer;
    if (answer === null) throw new AppError('INTERNAL_SERVER_ERROR', 'respond needs an answer');
    if (worthCaching(deps, state, answer)) {
      await storeAnswer(deps, state, answer).catch((error: unknown) => {
        const code = (error as { code?: unknown }).code;
        deps.logger.warn({ event: 'cache_store_failed', code }, 'answer not cached');
      });
    }
    const history = appendTurn(state.history, {
      runId: state.runId,
      question: state.question,
      answer: answer.text,
    });
    return { history };
  });
}
