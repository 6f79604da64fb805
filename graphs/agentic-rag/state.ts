import { z } from 'zod';
import { StateSchema, UntrackedValue } from '@langchain/langgraph';
import {
  answerSchema,
  budgetReportSchema,
  correctionSchema,
  draftSchema,
  failureSchema,
  gradeResultSchema,
  historyMessageSchema,
  hopSchema,
  idSchema,
  retrievedChunkSchema,
  runInputSchema,
  type modelNodeSchema,
  type usageSchema,
} from './state-schemas.js';

/**
 * Every state field's schema, declared once: the graph's channels are built from it and each
 * node validates its output against the fields it writes.
 */
export const stateFields = {
  ...runInputSchema.shape,
  /** The conversation so far (redacted), kept across the runs of a thread. */
  history: z.array(historyMessageSchema),
  /** For the cache entry; not checkpointed (see below). */
  questionEmbedding: z.array(z.number()).nullable(),
  /** The current search query: empty for the question itself, then each rewrite. */
  query: z.string(),
  rewrites: z.number().int().min(0),
  retrievals: z.number().int().min(0),
  chunks: z.array(retrievedChunkSchema),
  grading: gradeResultSchema.nullable(),
  /**
   * The model the run calls now, in every node that calls one; null for the chain's first. Only
   * `fallback` changes it, always to a later model of the chain.
   */
  model: idSchema.nullable(),
  corrections: z.number().int().min(0),
  correction: correctionSchema.nullable(),
  /** Raw text a mid-stream failover continues; empty otherwise. */
  continuation: z.string(),
  draft: draftSchema.nullable(),
  failure: failureSchema.nullable(),
  hops: z.array(hopSchema),
  budget: budgetReportSchema.nullable(),
  answer: answerSchema.nullable(),
};

/** A field of the state. */
export type StateKey = keyof typeof stateFields;

/** The value every per-run field starts each run with (`begin` resets them). */
export const RUN_DEFAULTS = {
  questionEmbedding: null,
  query: '',
  rewrites: 0,
  retrievals: 0,
  chunks: [],
  grading: null,
  model: null,
  corrections: 0,
  correction: null,
  continuation: '',
  draft: null,
  failure: null,
  hops: [],
  budget: null,
  answer: null,
} satisfies {
  [
    K in Exclude<StateKey, 'workspaceId' | 'collectionId' | 'question' | 'runId' | 'history'>
  ]: z.infer<(typeof stateFields)[K]>;
};

const f = stateFields;
const d = RUN_DEFAULTS;

/** The agentic-RAG graph's state: LangGraph channels from {@link stateFields}. */
export const AgenticRagState = new StateSchema({
  workspaceId: f.workspaceId,
  collectionId: f.collectionId,
  question: f.question,
  runId: f.runId,
  history: f.history.default(() => []),
  // Derived and recomputable, and the largest value of a run: kept for the run's lifetime but
  // out of the checkpoint. After a crash `respond` embeds the question again.
  questionEmbedding: new UntrackedValue(f.questionEmbedding.default(d.questionEmbedding)),
  query: f.query.default(d.query),
  rewrites: f.rewrites.default(d.rewrites),
  retrievals: f.retrievals.default(d.retrievals),
  chunks: f.chunks.default(() => []),
  grading: f.grading.default(d.grading),
  model: f.model.default(d.model),
  corrections: f.corrections.default(d.corrections),
  correction: f.correction.default(d.correction),
  continuation: f.continuation.default(d.continuation),
  draft: f.draft.default(d.draft),
  failure: f.failure.default(d.failure),
  hops: f.hops.default(() => []),
  budget: f.budget.default(d.budget),
  answer: f.answer.default(d.answer),
});

/** What a run is invoked with: `{ workspaceId, collectionId, question, runId? }`. */
export const AgenticRagInputState = new StateSchema(runInputSchema.shape);

/** What a run returns. */
export const AgenticRagOutputState = new StateSchema({
  question: f.question,
  answer: f.answer,
  hops: f.hops,
  budget: f.budget,
  retrievals: f.retrievals,
  rewrites: f.rewrites,
});

/** The full state a node reads. */
export type AgenticRagValues = typeof AgenticRagState.State;

/**
 * Whether the run is a thread's first turn (`history` only grows in `respond`, the last node).
 * Only first turns are cached: a follow-up's meaning depends on the turns before it.
 */
export function isFirstTurn(state: Pick<AgenticRagValues, 'history'>): boolean {
  return state.history.length === 0;
}

/** The search query of the run so far: the last rewrite, else the question. */
export function searchQueryOf(state: Pick<AgenticRagValues, 'query' | 'question'>): string {
  return state.query === '' ? state.question : state.query;
}
/** A retrieved chunk in state. */
export type StateChunk = z.infer<typeof f.chunks>[number];
/** One fallback hop. */
export type Hop = z.infer<typeof hopSchema>;
/** A node that calls a chat model. */
export type ModelNode = z.infer<typeof modelNodeSchema>;
/** The answer of a run. */
export type AgenticRagAnswer = z.infer<typeof answerSchema>;
/** Token usage. */
export type Usage = z.infer<typeof usageSchema>;
