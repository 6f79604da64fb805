import { END, START, StateGraph } from '@langchain/langgraph';
import { resolveDeps, type AgenticRagDeps } from './deps.js';
import { cacheNode } from './nodes/cache.js';
import { fallbackNode } from './nodes/fallback.js';
import { generateNode } from './nodes/generate.js';
import { gradeNode } from './nodes/grade.js';
import { lastResortNode } from './nodes/last-resort.js';
import { beginNode } from './nodes/begin.js';
import { respondNode } from './nodes/respond.js';
import { retrieveNode } from './nodes/retrieve.js';
import { rewriteNode } from './nodes/rewrite.js';
import { validateNode } from './nodes/validate.js';
import {
  afterCache,
  afterFallback,
  afterGenerate,
  afterGrade,
  afterRewrite,
  afterValidate,
  maxSteps,
} from './routes.js';
import { AgenticRagInputState, AgenticRagOutputState, AgenticRagState } from './state.js';

/**
 * Builds the agentic-RAG graph on its dependencies:
 *
 * begin → cache → retrieve → grade ⟲ rewrite → generate → validate → respond,
 * with fallback edges from every node that calls a model (`grade`, `rewrite`, `generate`, and
 * `validate` for a rejected reply) through `fallback`, which moves the run to the next model and
 * back to that node, or, when no model is left, to `lastResort`. Checkpointed by `deps.checkpointer`; a thread is a
 * conversation. Invoke or stream it with `{ workspaceId, collectionId, question }` and
 * `{ configurable: { thread_id } }` (see `run.ts` for the streaming contract).
 */
export function buildAgenticRagGraph(deps: AgenticRagDeps) {
  const d = resolveDeps(deps);
  const grade = afterGrade(d.limits);
  const validate = afterValidate(d.router);
  return new StateGraph(AgenticRagState, {
    input: AgenticRagInputState,
    output: AgenticRagOutputState,
  })
    .addNode('begin', beginNode())
    .addNode('cache', cacheNode(d))
    .addNode('retrieve', retrieveNode(d))
    .addNode('grade', gradeNode(d))
    .addNode('rewrite', rewriteNode(d))
    .addNode('generate', generateNode(d))
    .addNode('validate', validateNode(d))
    .addNode('fallback', fallbackNode(d))
    .addNode('lastResort', lastResortNode(d))
    .addNode('respond', respondNode(d))
    .addEdge(START, 'begin')
    .addEdge('begin', 'cache')
    .addConditionalEdges('cache', afterCache.route, [...afterCache.destinations])
    .addEdge('retrieve', 'grade')
    .addConditionalEdges('grade', grade.route, [...grade.destinations])
    .addConditionalEdges('rewrite', afterRewrite.route, [...afterRewrite.destinations])
    .addConditionalEdges('generate', afterGenerate.route, [...afterGenerate.destinations])
    .addConditionalEdges('validate', validate.route, [...validate.destinations])
    .addConditionalEdges('fallback', afterFallback.route, [...afterFallback.destinations])
    .addEdge('lastResort', 'respond')
    .addEdge('respond', END)
    .compile({ checkpointer: deps.checkpointer, name: 'agentic-rag' })
    .withConfig({ recursionLimit: maxSteps(d.limits, d.router.ids.length) });
}

/** The compiled agentic-RAG graph. */
export type AgenticRagGraph = ReturnType<typeof buildAgenticRagGraph>;
