import type { z } from 'zod';
import type { Logger } from '../../logger.js';
import { recordFallback } from '../../telemetry/index.js';
import { toModelCallError, type ModelCallError } from '../failures.js';
import type { ChatRequest, ChatResult, ModelAttempt, StructuredOptions } from '../types.js';
import type { ChatModel } from './chat-model.js';
import { cancelled, chainExhausted } from './chain-errors.js';
import { generateStructuredOn } from './structured-call.js';

/**
 * Structured output along the chain: each model gets the JSON request and its corrections (see
 * `structured-call.ts`); a model that fails, refuses, is skipped (open circuit) or stays invalid
 * hands over to the next one. `result.attempts` holds every attempt of every model.
 */
export async function generateStructuredWithFailover<T>(
  chain: readonly ChatModel[],
  schema: z.ZodType<T>,
  request: ChatRequest,
  options: StructuredOptions,
  logger: Logger,
): Promise<{ value: T; result: ChatResult }> {
  const attempts: ModelAttempt[] = [];
  const fallbackPath: string[] = [];
  let lastFailure: ModelCallError | undefined;
  for (const model of chain) {
    if (lastFailure !== undefined) {
      const reason = lastFailure.failure.code;
      recordFallback({ fromModel: lastFailure.model, toModel: model.id, reason });
      logger.warn(
        {
          event: 'model_fallback',
          fromModel: lastFailure.model,
          toModel: model.id,
          reason,
        },
        'model fallback',
      );
    }
    fallbackPath.push(model.id);
    try {
      const { value, text, usage } = await generateStructuredOn(
        model,
        schema,
        request,
        options,
        attempts,
      );
      const result: ChatResult = { text, model: model.id, fallbackPath, attempts };
      return { value, result: usage === undefined ? result : { ...result, usage } };
    } catch (error) {
      const failure = toModelCallError(model.id, error, { cancelled: false, outputStarted: false });
      if (failure.failure.code === 'CANCELLED' || request.signal?.aborted) throw cancelled(failure);
      lastFailure = failure;
    }
  }
  throw chainExhausted(lastFailure, fallbackPath, attempts);
}
