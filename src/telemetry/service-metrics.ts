import type { ObservableResult } from '@opentelemetry/api';
import type pg from 'pg';
import { JOB_SCHEMA } from '../jobs/job-queue.js';
import type { ModelStatus } from '../models/types.js';
import { instruments } from './instruments.js';
import { BALLAST } from './semconv.js';

/** What {@link observeServices} reads at each collection. */
export interface ObservedServices {
  /** Every chat and embedding model with its circuit state (`ModelRegistry.status`). */
  models: { status(): ModelStatus[] };
  /** Where the job queue's tables are. */
  pool: Pick<pg.Pool, 'query'>;
}

const CIRCUIT_VALUE = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 } as const;

/**
 * Registers the gauges read at each collection (a `/metrics` scrape, an OTLP export):
 * `ballast.model.circuit.state` per model (0 closed, 1 half-open, 2 open) and
 * `ballast.jobs.queue.depth` per queue (jobs waiting: created or retrying).
 * @returns a function that unregisters them.
 */
export function observeServices(services: ObservedServices): () => void {
  const { meter } = instruments();
  const circuit = meter.createObservableGauge('ballast.model.circuit.state', {
    description: 'Circuit breaker state per model: 0 closed, 1 half-open, 2 open.',
  });
  const depth = meter.createObservableGauge('ballast.jobs.queue.depth', {
    description: 'Jobs waiting in each queue (created or waiting to retry).',
  });
  const observeCircuits = (result: ObservableResult) => {
    for (const model of services.models.status()) {
      result.observe(CIRCUIT_VALUE[model.circuitState], {
        [BALLAST.modelId]: model.id,
        'ballast.model.role': model.role,
      });
    }
  };
  const observeDepth = async (result: ObservableResult) => {
    // pg-boss has no count API; reading its table is the coupling job-queue.ts already has.
    const rows = await services.pool
      .query<{ name: string; waiting: number }>(
        `SELECT name, count(*)::int AS waiting FROM ${JOB_SCHEMA}.job
         WHERE state IN ('created', 'retry') GROUP BY name`,
      )
      .then((r) => r.rows)
      .catch(() => []);
    for (const row of rows) result.observe(row.waiting, { [BALLAST.queue]: row.name });
  };
  circuit.addCallback(observeCircuits);
  depth.addCallback(observeDepth);
  return () => {
    circuit.removeCallback(observeCircuits);
    depth.removeCallback(observeDepth);
  };
}
