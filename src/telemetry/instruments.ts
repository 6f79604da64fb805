import {
  metrics,
  type Counter,
  type Histogram,
  type Meter,
  type MeterProvider,
} from '@opentelemetry/api';
import { SERVER_VERSION } from '../version.js';

// OpenTelemetry's default buckets suit milliseconds; these suit seconds, from a cache hit
// (milliseconds) to a slow model's answer (a minute).
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80, 160];
// The GenAI conventions' advice for token counts.
const TOKEN_BUCKETS = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216,
];

/** Ballast's metric instruments. Labels are ids, codes and enum values only: never user text. */
export interface Instruments {
  /** `ballast.graphql.operation.duration` (s): type, root field, `error.type`. */
  operationDuration: Histogram;
  /** `gen_ai.client.operation.duration` (s) per model attempt: operation, provider, models. */
  modelDuration: Histogram;
  /** `gen_ai.client.token.usage` ({token}) per attempt: the above plus `gen_ai.token.type`. */
  modelTokens: Histogram;
  /** `ballast.model.cost` (USD) per model, for models with a price. */
  modelCost: Counter;
  /** `ballast.model.retries`: model, reason. */
  retries: Counter;
  /** `ballast.model.fallbacks`: from, to, reason. */
  fallbacks: Counter;
  /** `ballast.model.circuit.transitions`: model, state entered. */
  circuitTransitions: Counter;
  /** `ballast.run.duration` (s): final status. */
  runDuration: Histogram;
  /** The meter, for observable instruments. */
  meter: Meter;
}

let cached: { provider: MeterProvider; instruments: Instruments } | undefined;

/**
 * The instruments on the current global meter provider. Created on first use and again if the
 * provider changed (a test installs its own): instruments of the no-op provider that was there
 * before the SDK started would stay no-ops forever.
 */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (cached?.provider === provider) return cached.instruments;
  const meter = provider.getMeter('ballast', SERVER_VERSION);
  const seconds = { unit: 's', advice: { explicitBucketBoundaries: SECONDS_BUCKETS } };
  const instruments: Instruments = {
    meter,
    operationDuration: meter.createHistogram('ballast.graphql.operation.duration', {
      description: 'Duration of GraphQL operations (a subscription lasts until it ends).',
      ...seconds,
    }),
    modelDuration: meter.createHistogram('gen_ai.client.operation.duration', {
      description: 'Duration of one model request (one attempt), until its last chunk.',
      ...seconds,
    }),
    modelTokens: meter.createHistogram('gen_ai.client.token.usage', {
      description: 'Tokens of one model request, by gen_ai.token.type (input, output).',
      unit: '{token}',
      advice: { explicitBucketBoundaries: TOKEN_BUCKETS },
    }),
    modelCost: meter.createCounter('ballast.model.cost', {
      description: 'Cost of model requests, from the price table of the models config.',
      unit: 'USD',
    }),
    retries: meter.createCounter('ballast.model.retries', {
      description: 'Retries of a model request after a retryable failure.',
    }),
    fallbacks: meter.createCounter('ballast.model.fallbacks', {
      description: 'Answers moved from one model to another (or re-asked of the same one).',
    }),
    circuitTransitions: meter.createCounter('ballast.model.circuit.transitions', {
      description: 'Circuit breaker transitions, by the state entered.',
    }),
    runDuration: meter.createHistogram('ballast.run.duration', {
      description: 'Duration of one execution of a run, by final status.',
      ...seconds,
    }),
  };
  cached = { provider, instruments };
  return instruments;
}
