import { BALLAST, ERROR_TYPE, EVENTS } from './semconv.js';
import { instruments } from './instruments.js';
import { activeSpanEvent } from './tracer.js';

/** A model failed with `reason` (a failure code) and the request is sent again: attempt `attempt`. */
export function recordRetry(model: string, attempt: number, reason: string): void {
  activeSpanEvent(EVENTS.retry, {
    [BALLAST.modelId]: model,
    [BALLAST.attempt]: attempt,
    [ERROR_TYPE]: reason,
  });
  instruments().retries.add(1, { [BALLAST.modelId]: model, [ERROR_TYPE]: reason });
}

/**
 * A model's circuit breaker entered `state`. Recorded on the span of the call that caused it
 * (the failure that opened it, the probe that closed it).
 */
export function recordCircuitTransition(
  model: string,
  state: 'OPEN' | 'HALF_OPEN' | 'CLOSED',
): void {
  activeSpanEvent(EVENTS.circuit, { [BALLAST.modelId]: model, [BALLAST.circuitState]: state });
  instruments().circuitTransitions.add(1, {
    [BALLAST.modelId]: model,
    [BALLAST.circuitState]: state,
  });
}

/** What a fallback event says: the answer moves from one model to another (or is re-asked). */
export interface FallbackRecord {
  fromModel: string;
  toModel: string;
  /** A failure code (`TIMEOUT`, `HTTP_503`, `CIRCUIT_OPEN`, `UNGROUNDED`, …). */
  reason: string;
  /** The next model answers from scratch. Default: false. */
  restart?: boolean;
}

/** A fallback, on the active span (the graph node or the router call) and in the counter. */
export function recordFallback(fallback: FallbackRecord): void {
  activeSpanEvent(EVENTS.fallback, {
    [BALLAST.fromModel]: fallback.fromModel,
    [BALLAST.toModel]: fallback.toModel,
    [ERROR_TYPE]: fallback.reason,
    [BALLAST.restart]: fallback.restart ?? false,
  });
  instruments().fallbacks.add(1, {
    [BALLAST.fromModel]: fallback.fromModel,
    [BALLAST.toModel]: fallback.toModel,
    [ERROR_TYPE]: fallback.reason,
  });
}
