import { z } from 'zod';

/**
 * The structured outputs the agentic-RAG graph asks for. Remote models get them as JSON schemas;
 * the local model answers them deterministically (`local/structured-responders.ts`), so a graph
 * that uses these schemas with the matching `task` works offline too.
 */

/** `task: 'grade'` — are the retrieved chunks relevant to the question? */
export const gradeSchema = z.object({
  relevant: z.boolean(),
  /** Confidence in [0, 1]. */
  score: z.number().min(0).max(1),
  /** The chunks judged relevant; always among the given ids. */
  relevantChunkIds: z.array(z.string()),
});
/** Output of {@link gradeSchema}. */
export type Grade = z.infer<typeof gradeSchema>;

/** `task: 'rewrite'` — a better search query for the question. */
export const rewriteSchema = z.object({ query: z.string().min(1) });
/** Output of {@link rewriteSchema}. */
export type Rewrite = z.infer<typeof rewriteSchema>;

/** `task: 'answer'` — a grounded answer with the chunk ids it cites. */
export const answerSchema = z.object({
  answer: z.string().min(1),
  citations: z.array(z.string()),
  /** False when the documents do not support an answer. */
  grounded: z.boolean(),
});
/** Output of {@link answerSchema}. */
export type StructuredAnswer = z.infer<typeof answerSchema>;
