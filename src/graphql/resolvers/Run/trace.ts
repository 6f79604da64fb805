import { activeTelemetry, traceView } from '../../../telemetry/index.js';
import type { RunResolvers } from '../../generated/resolvers-types.js';

/**
 * `Run.trace`: the spans of the run's trace from this process's in-memory span store (embedded
 * mode); null when they are not held here.
 */
export const trace: RunResolvers['trace'] = (row) => {
  const stored = row.trace_id ? activeTelemetry()?.store?.get(row.trace_id) : null;
  return stored ? traceView(stored) : null;
};
