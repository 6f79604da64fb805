import { createContextKey } from '@opentelemetry/api';
import type { TokenUsage } from '../models/types.js';
import { contextStorage } from './context-storage.js';

/** Tokens and cost of one model within a run. */
export interface ModelUsageRecord {
  /** Model id from the configuration. */
  model: string;
  /** Requests sent to it (each retry and each structured-output correction is one). */
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** USD; null when the model has no price in the models config. */
  costUsd: number | null;
}

/** What a run's model calls used, as stored in `runs.usage` and shown by `Run.usage`. */
export interface RunUsageRecord {
  inputTokens: number;
  outputTokens: number;
  /** USD; null when a model that used tokens has no price. */
  costUsd: number | null;
  /** One entry per model called, in first-call order. */
  byModel: ModelUsageRecord[];
}

/**
 * The one accounting of model usage: every attempt of every model call a run makes (each retry
 * and structured-output correction, failed attempts included) is added here by its `chat` span,
 * and everything else reads it — the answer's `usage`, `runs.usage`, token budgets, the workflow
 * span. A resumed run's meter starts from what its earlier executions used.
 */
export class UsageMeter {
  readonly #earlier: RunUsageRecord | null;
  readonly #byModel = new Map<string, ModelUsageRecord>();

  /** `earlier`: the usage of the run's earlier executions (`runs.usage`). Default: none. */
  constructor(earlier: RunUsageRecord | null = null) {
    this.#earlier = earlier;
  }

  /** Records one request to `model`; `usage` when the provider reported it, `cost` when priced. */
  add(model: string, usage: TokenUsage | undefined, cost: number | undefined): void {
    let entry = this.#byModel.get(model);
    if (!entry) {
      entry = { model, requests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
      this.#byModel.set(model, entry);
    }
    entry.requests++;
    if (usage === undefined) return;
    entry.inputTokens += usage.inputTokens;
    entry.outputTokens += usage.outputTokens;
    // An unpriced model that used tokens makes the cost unknown; one that used none costs nothing.
    if (cost === undefined) {
      if (usage.inputTokens + usage.outputTokens > 0) entry.costUsd = null;
    } else if (entry.costUsd !== null) entry.costUsd += cost;
  }

  /** The whole run so far, earlier executions included; null when no model was called. */
  summary(): RunUsageRecord | null {
    return mergeUsage(this.#earlier, this.executionSummary());
  }

  /** This execution's calls alone; null when it made none. */
  executionSummary(): RunUsageRecord | null {
    if (this.#byModel.size === 0) return null;
    return withTotals([...this.#byModel.values()].map((entry) => ({ ...entry })));
  }
}

// A run's totals from its per-model entries: an unknown cost on any model makes it unknown.
function withTotals(byModel: ModelUsageRecord[]): RunUsageRecord {
  let costUsd: number | null = 0;
  for (const entry of byModel)
    costUsd = entry.costUsd === null || costUsd === null ? null : costUsd + entry.costUsd;
  return {
    inputTokens: byModel.reduce((sum, entry) => sum + entry.inputTokens, 0),
    outputTokens: byModel.reduce((sum, entry) => sum + entry.outputTokens, 0),
    costUsd,
    byModel,
  };
}

/**
 * The usage of two stretches of one run (earlier attempts', then this attempt's) as one
 * record: per model, requests and tokens add up, in first-call order; an unknown cost on
 * either side makes that model's cost, and the run's, unknown.
 */
export function mergeUsage(
  earlier: RunUsageRecord | null | undefined,
  later: RunUsageRecord | null,
): RunUsageRecord | null {
  if (!earlier) return later;
  if (!later) return earlier;
  const byModel = new Map<string, ModelUsageRecord>();
  for (const entry of [...earlier.byModel, ...later.byModel]) {
    const seen = byModel.get(entry.model);
    byModel.set(
      entry.model,
      seen
        ? {
            model: entry.model,
            requests: seen.requests + entry.requests,
            inputTokens: seen.inputTokens + entry.inputTokens,
            outputTokens: seen.outputTokens + entry.outputTokens,
            costUsd:
              seen.costUsd === null || entry.costUsd === null ? null : seen.costUsd + entry.costUsd,
          }
        : { ...entry },
    );
  }
  return withTotals([...byModel.values()]);
}

/** Who a model call works for: the run, its conversation, and the run's usage meter. */
export interface RunScope {
  runId: string;
  /** The thread: `gen_ai.conversation.id`. */
  threadId: string;
  usage: UsageMeter;
}

// In Ballast's context store, not through OpenTelemetry's context API: usage accounting must
// work with the SDK off, when that API propagates nothing.
const RUN_SCOPE = createContextKey('ballast.run_scope');

/** Runs `fn` with `scope` as the current run of every model call it makes. */
export function withRunScope<T>(scope: RunScope, fn: () => Promise<T>): Promise<T> {
  return contextStorage.run(contextStorage.active().setValue(RUN_SCOPE, scope), fn);
}

/** The run the current model call works for, if any. */
export function currentRunScope(): RunScope | undefined {
  return contextStorage.active().getValue(RUN_SCOPE) as RunScope | undefined;
}

/**
 * The usage of the current run so far, earlier executions included (its meter's `summary`):
 * what a run's answer reports. Null outside a run, or before its first model call.
 */
export function currentRunUsage(): RunUsageRecord | null {
  return currentRunScope()?.usage.summary() ?? null;
}
