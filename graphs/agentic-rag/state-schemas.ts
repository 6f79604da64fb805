import { z } from 'zod';
import { fallbackReasonSchema } from './fallback-reasons.js';

/** Ids of workspaces, collections, documents, chunks and models. */
export const idSchema = z.string().min(1).max(200);

/** Longest question, in characters. */
export const MAX_QUESTION_LENGTH = 4000;

/** What a run is started with. */
export const runInputSchema = z.object({
  workspaceId: idSchema,
  collectionId: idSchema,
  /** Already redacted: the runs service redacts a question, once, when it is asked. */
  question: z.string().trim().min(1).max(MAX_QUESTION_LENGTH),
  /** The run this is, recorded on its turn of the conversation. Default: none. */
  runId: idSchema.optional(),
});
/** Input of one run (one question) on a thread. */
export type AgenticRagInput = z.infer<typeof runInputSchema>;

/**
 * One message of the conversation kept across the runs of a thread: the one record of the
 * conversation (`Thread.messages` reads it from the thread's latest checkpoint).
 */
export const historyMessageSchema = z.strictObject({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  /** The run of the turn; missing in checkpoints written before runs were recorded. */
  runId: idSchema.optional(),
});
/** A message of {@link historyMessageSchema}. */
export type ConversationMessage = z.infer<typeof historyMessageSchema>;

/** A retrieved chunk, as much of it as the graph needs. */
export const retrievedChunkSchema = z.strictObject({
  chunkId: idSchema,
  documentId: idSchema,
  text: z.string(),
  score: z.number(),
});

/** What `grade` decided about the last retrieval. */
export const gradeResultSchema = z.strictObject({
  /** Among the retrieved chunk ids, in retrieval order. */
  relevantChunkIds: z.array(idSchema),
  score: z.number().min(0).max(1),
  /** The model that graded; null when there was nothing to grade. */
  model: idSchema.nullable(),
});

/** Tokens the providers reported. */
export const usageSchema = z.strictObject({
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
});

/** The nodes of the graph, in the order a first run meets them. */
export const agenticRagNodeSchema = z.enum([
  'begin',
  'cache',
  'retrieve',
  'grade',
  'rewrite',
  'generate',
  'validate',
  'fallback',
  'lastResort',
  'respond',
]);

/**
 * The nodes that call a chat model. When one fails, the fallback edge moves the run to the next
 * model and back to that node.
 */
export const modelNodeSchema = z.enum(['grade', 'rewrite', 'generate']);

/** One hop of the fallback path: the model left, the one tried next, and why. */
export const hopSchema = z.strictObject({
  /** The node whose model call the hop redoes (a corrective retry: `generate`). */
  node: modelNodeSchema,
  fromModel: idSchema,
  toModel: idSchema,
  /** Why (`HTTP_503`, `STREAM_CUT`, `INVALID_OUTPUT`, `UNGROUNDED`, `CIRCUIT_OPEN`…). */
  reason: fallbackReasonSchema,
  at: z.iso.datetime(),
});

/** A model's raw reply, awaiting validation. */
export const draftSchema = z.strictObject({
  model: idSchema,
  raw: z.string(),
});

/** Why the current model was given up. */
export const failureSchema = z.strictObject({
  /** The node whose call failed: the next model takes it over. */
  node: modelNodeSchema,
  model: idSchema,
  reason: fallbackReasonSchema,
  /** Raw text streamed before a cut: the next model continues it when it can. */
  partialRaw: z.string(),
  /** Whether answer text of this attempt reached the client (a switch must then restart it). */
  displayed: z.boolean(),
});

/** A rejected reply and why, for a corrective retry on the same model. */
export const correctionSchema = z.strictObject({ reply: z.string(), error: z.string() });

/** What the token budget kept and dropped for the prompt. */
export const budgetReportSchema = z.strictObject({
  usedTokens: z.number().int().min(0),
  sections: z.strictObject({
    system: z.number().int(),
    history: z.number().int(),
    context: z.number().int(),
    question: z.number().int(),
    reserve: z.number().int(),
  }),
  /** Chunks in the prompt: the only ids an answer may cite. */
  contextIds: z.array(idSchema),
  dropped: z.array(
    z.strictObject({
      section: z.enum(['history', 'context']),
      id: z.string(),
      tokens: z.number().int(),
      reason: z.literal('over_budget'),
    }),
  ),
  truncated: z.array(
    z.strictObject({
      section: z.literal('system'),
      tokens: z.number().int(),
      keptTokens: z.number().int(),
    }),
  ),
});

/** The answer of a run. */
export const answerSchema = z.strictObject({
  text: z.string().min(1),
  citations: z.array(z.strictObject({ chunkId: idSchema, documentId: idSchema })),
  model: idSchema,
  /** Every model tried or skipped this run, in order, ending with `model`; empty when cached. */
  fallbackPath: z.array(idSchema),
  cached: z.boolean(),
  grounded: z.boolean(),
  /**
   * Tokens of every model call of the run — every attempt of every node, failed ones included —
   * as the run's usage meter counted them (`runs.usage` has the same totals); absent outside a
   * run, and when the run made no model call (a cached answer).
   */
  usage: usageSchema.optional(),
});
