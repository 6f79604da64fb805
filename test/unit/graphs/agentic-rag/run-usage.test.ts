import { describe, expect, it } from 'vitest';
import { resolveDeps } from '../../../../graphs/agentic-rag/deps.js';
import { UsageMeter, withRunScope } from '../../../../src/telemetry/run-usage.js';
import { nodeDeps } from './fakes.js';

describe('the answer’s usage', () => {
  const { runUsage: _injected, ...deps } = nodeDeps();
  const { runUsage } = resolveDeps(deps);

  it('is the current run’s meter: every request, earlier executions of a resumed run included', async () => {
    const earlier = new UsageMeter();
    earlier.add('primary', { inputTokens: 100, outputTokens: 0 }, undefined);
    const meter = new UsageMeter(earlier.summary());
    meter.add('primary', undefined, undefined);
    meter.add('secondary', { inputTokens: 40, outputTokens: 7 }, 0);
    const scope = { runId: 'r1', threadId: 't1', usage: meter };

    const usage = await withRunScope(scope, () => Promise.resolve(runUsage()));

    expect(usage).toEqual({ inputTokens: 140, outputTokens: 7 });
    expect(meter.summary()?.byModel.map((m) => [m.model, m.requests])).toEqual([
      ['primary', 2],
      ['secondary', 1],
    ]);
    expect(meter.executionSummary()?.inputTokens).toBe(40);
  });

  it('is unknown outside a run', () => {
    expect(runUsage()).toBeNull();
  });
});
