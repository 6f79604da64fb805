import {
  isSpanContextValid,
  trace,
  type Attributes,
  type Context,
  type Link,
  type SpanKind,
} from '@opentelemetry/api';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  SamplingDecision,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SamplingResult,
} from '@opentelemetry/sdk-trace-base';

// Transaction brackets say nothing their statements and COMMIT do not: BEGIN is instant. Kept:
// COMMIT (it waits for the flush to disk) and ROLLBACK (it says something failed).
const QUIET_SQL = 'pg.query:BEGIN';

// Parse and validate outside any operation: the schema's own at start, and each graphql-ws
// operation's (graphql-ws parses and validates before it executes, outside its span). Each
// would be a one-span trace of its own.
const ORPHAN_NOISE = new Set([
  'graphql.parse',
  'graphql.validate',
  'graphql.parseSchema',
  'graphql.validateSchema',
]);

const hasParent = (context: Context): boolean => {
  const parent = trace.getSpanContext(context);
  return parent !== undefined && isSpanContextValid(parent);
};

/**
 * Samples like `root`, except two kinds of spans that are never recorded (nor anything under
 * them): SQL `BEGIN`, and GraphQL parse and validate spans without a parent. Dropped here, they
 * cost a non-recording span instead of a recorded one thrown away later. (The executions of a
 * subscription's events make no span at all: see `graphql-ws-operation.ts`.)
 */
export class BallastSampler implements Sampler {
  readonly #root: Sampler;

  /** `root` default: parent-based, always on (OpenTelemetry's default). */
  constructor(root: Sampler = new ParentBasedSampler({ root: new AlwaysOnSampler() })) {
    this.#root = root;
  }

  shouldSample(
    context: Context,
    traceId: string,
    spanName: string,
    spanKind: SpanKind,
    attributes: Attributes,
    links: Link[],
  ): SamplingResult {
    if (spanName.startsWith(QUIET_SQL) || (ORPHAN_NOISE.has(spanName) && !hasParent(context))) {
      return { decision: SamplingDecision.NOT_RECORD };
    }
    return this.#root.shouldSample(context, traceId, spanName, spanKind, attributes, links);
  }

  toString(): string {
    return `BallastSampler{${this.#root.toString()}}`;
  }
}

/**
 * The sampler named by the standard `OTEL_TRACES_SAMPLER` (and `OTEL_TRACES_SAMPLER_ARG`, the
 * ratio): `always_on`, `always_off`, `traceidratio`, `parentbased_always_on` (the default),
 * `parentbased_always_off`, `parentbased_traceidratio`. Unknown names get the default.
 */
export function samplerFromEnv(env: Readonly<Record<string, string | undefined>>): Sampler {
  const arg = Number(env['OTEL_TRACES_SAMPLER_ARG']);
  const ratio = () => new TraceIdRatioBasedSampler(Number.isFinite(arg) ? arg : 1);
  switch (env['OTEL_TRACES_SAMPLER']?.trim().toLowerCase()) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio();
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio() });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}
