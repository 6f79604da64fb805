import { SpanKind, context, trace, type Attributes } from '@opentelemetry/api';
import type { ProviderKind } from '../models/types.js';
import { instruments } from './instruments.js';
import { BALLAST, ERROR_TYPE, GEN_AI, providerName } from './semconv.js';
import { errorType, failSpan, hasActiveSpan, tracer } from './tracer.js';

/** What an `embeddings` span says about its model. */
export interface TracedEmbeddingModel {
  id: string;
  kind: ProviderKind;
  /** Model name at the provider. */
  model: string;
  dimensions: number;
}

/**
 * One `embeddings {model}` span around one batch request, and its duration metric. Only inside a
 * traced operation (a run, a search): background ingestion embeds thousands of batches that
 * would each start a trace.
 */
export async function traceEmbeddingAttempt<T>(
  model: TracedEmbeddingModel,
  inputs: number,
  run: () => Promise<T>,
): Promise<T> {
  const labels: Attributes = {
    [GEN_AI.operationName]: 'embeddings',
    [GEN_AI.providerName]: providerName(model.kind),
    [GEN_AI.requestModel]: model.model,
    [BALLAST.modelId]: model.id,
  };
  const started = performance.now();
  const span = hasActiveSpan()
    ? tracer().startSpan(`embeddings ${model.model}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          ...labels,
          [GEN_AI.embeddingsDimensionCount]: model.dimensions,
          [BALLAST.embeddingInputs]: inputs,
        },
      })
    : undefined;
  try {
    const result = span
      ? await context.with(trace.setSpan(context.active(), span), run)
      : await run();
    instruments().modelDuration.record((performance.now() - started) / 1000, labels);
    return result;
  } catch (error) {
    if (span) failSpan(span, error);
    instruments().modelDuration.record((performance.now() - started) / 1000, {
      ...labels,
      [ERROR_TYPE]: errorType(error),
    });
    throw error;
  } finally {
    span?.end();
  }
}
