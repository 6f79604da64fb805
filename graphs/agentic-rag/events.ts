import { z } from 'zod';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { fallbackReasonSchema } from './fallback-reasons.js';
import { agenticRagNodeSchema, modelNodeSchema } from './state-schemas.js';

/**
 * The custom stream of the agentic-RAG graph — what the runs service turns into `NodeStarted`,
 * `TokenDelta`, `ModelFallback` and `RetrievalDone`. Stream the graph with
 * `streamMode: ['updates', 'custom']`: each `custom` chunk is one of these events.
 *
 * **Token rule.** Concatenating the `text` of the `token` events of a run, and discarding what
 * was received so far at every `fallback` event with `restart: true`, yields `answer.text`
 * exactly. A mid-stream failover to a model that can continue the answer has
 * `restart: false`: its tokens carry on from where the cut left off. A corrective retry on
 * the same model after an invalid or ungrounded reply is a `fallback` from a model to itself.
 * A cached answer is one `token` event with its whole text, of the model that wrote it.
 *
 * **Fallback rule.** Every hop of the run, whichever node's model call failed (`node`: `grade`,
 * `rewrite` or `generate`), is one `fallback` event and one entry of the state's `hops`, from
 * which `answer.fallbackPath` is built. Hops of `grade` and `rewrite` never restart: no answer
 * text was shown yet.
 *
 * **Node rule.** Every node execution starts with one `nodeStarted` event, before any other
 * event of that node; its state update (the `updates` stream) closes it.
 */
export const agenticRagEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('nodeStarted'), node: agenticRagNodeSchema }),
  z.strictObject({ type: z.literal('token'), text: z.string().min(1), model: z.string() }),
  z.strictObject({
    type: z.literal('fallback'),
    node: modelNodeSchema,
    fromModel: z.string(),
    toModel: z.string(),
    reason: fallbackReasonSchema,
    restart: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('retrieval'),
    query: z.string(),
    chunkIds: z.array(z.string()),
  }),
]);

/** One custom stream event of the graph (see {@link agenticRagEventSchema} for the rules). */
export type AgenticRagEvent = z.infer<typeof agenticRagEventSchema>;
/** A `nodeStarted` event: `node` starts executing. */
export type NodeStartedEvent = Extract<AgenticRagEvent, { type: 'nodeStarted' }>;
/** A `token` event: more answer text from `model`. */
export type TokenEvent = Extract<AgenticRagEvent, { type: 'token' }>;
/** A `fallback` event: the run moves to another model (or retries on the same one). */
export type FallbackEvent = Extract<AgenticRagEvent, { type: 'fallback' }>;
/** A `retrieval` event: a search ran with `query` and found `chunkIds`, best first. */
export type RetrievalEvent = Extract<AgenticRagEvent, { type: 'retrieval' }>;

/** True when `value` is an {@link AgenticRagEvent} (a `custom` stream chunk of this graph). */
export function isAgenticRagEvent(value: unknown): value is AgenticRagEvent {
  return agenticRagEventSchema.safeParse(value).success;
}

/** Sends `event` on the run's custom stream; a no-op when nobody streams `custom`. */
export function emit(config: LangGraphRunnableConfig, event: AgenticRagEvent): void {
  config.writer?.(event);
}
