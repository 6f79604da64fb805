import type { z } from 'zod';
import type { ChatRequest, StructuredOptions } from '../../src/models/index.js';
import type { GraphChatModel } from './deps.js';
import { fallbackReason } from './failover.js';
import type { FallbackReason } from './fallback-reasons.js';

/** How one structured call ended: the value, or why the model failed. */
export type StructuredOutcome<T> = { ok: true; value: T } | { ok: false; reason: FallbackReason };

/**
 * Asks one model for a value of `schema`, with the model's own corrective re-asks. A model
 * failure is returned for the fallback edge; caller cancellation and anything that is not a
 * model failure are thrown.
 */
export async function structuredReply<T>(
  model: GraphChatModel,
  schema: z.ZodType<T>,
  request: ChatRequest,
  options: StructuredOptions,
): Promise<StructuredOutcome<T>> {
  try {
    return { ok: true, value: await model.generateStructured(schema, request, options) };
  } catch (error) {
    const reason = fallbackReason(error, request.signal);
    if (reason === undefined) throw error;
    return { ok: false, reason };
  }
}
