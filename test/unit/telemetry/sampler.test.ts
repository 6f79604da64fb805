import { ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { BallastSampler, samplerFromEnv } from '../../../src/telemetry/sampler.js';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const decide = (sampler: BallastSampler, name: string, context = ROOT_CONTEXT) =>
  sampler.shouldSample(context, TRACE, name, SpanKind.INTERNAL, {}, []).decision;

describe('BallastSampler', () => {
  it('leaves out SQL BEGIN, and keeps COMMIT and the rest', () => {
    const sampler = new BallastSampler();
    expect(decide(sampler, 'pg.query:BEGIN postgres')).toBe(SamplingDecision.NOT_RECORD);
    expect(decide(sampler, 'graphql.execute')).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide(sampler, 'pg.query:COMMIT postgres')).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide(sampler, 'pg.query:SELECT postgres')).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  });

  it('leaves out GraphQL parse and validate spans only when they have no parent', () => {
    const sampler = new BallastSampler();
    const operation = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: TRACE,
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
    });
    for (const name of ['graphql.parse', 'graphql.validate', 'graphql.parseSchema']) {
      expect(decide(sampler, name)).toBe(SamplingDecision.NOT_RECORD);
      expect(decide(sampler, name, operation)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    }
    expect(decide(sampler, 'mutation')).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  });

  it('delegates to the sampler of OTEL_TRACES_SAMPLER', () => {
    const off = new BallastSampler(samplerFromEnv({ OTEL_TRACES_SAMPLER: 'always_off' }));
    expect(decide(off, 'node grade')).toBe(SamplingDecision.NOT_RECORD);
    const none = samplerFromEnv({
      OTEL_TRACES_SAMPLER: 'traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0',
    });
    expect(decide(new BallastSampler(none), 'node grade')).toBe(SamplingDecision.NOT_RECORD);
    expect(samplerFromEnv({}).toString()).toContain('ParentBased');
    expect(
      samplerFromEnv({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio' }).toString(),
    ).toContain('TraceIdRatioBased');
  });
});
