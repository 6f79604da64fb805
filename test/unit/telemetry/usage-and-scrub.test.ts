import { ROOT_CONTEXT, context, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { costOf } from '../../../src/telemetry/cost.js';
import { serveMetrics } from '../../../src/telemetry/metrics-endpoint.js';
import { otlpSignals } from '../../../src/telemetry/otlp-env.js';
import { mergeUsage, UsageMeter } from '../../../src/telemetry/run-usage.js';
import { scrubAttributes, scrubUrl } from '../../../src/telemetry/scrub.js';
import { contextOfTraceParent } from '../../../src/telemetry/trace-parent.js';
import { errorType } from '../../../src/telemetry/tracer.js';
import { AppError } from '../../../src/errors.js';
import { ModelCallError, failureOf } from '../../../src/models/failures.js';

describe('UsageMeter', () => {
  it('sums tokens and cost per model; an unpriced model with tokens makes the cost unknown', () => {
    const meter = new UsageMeter();
    const price = { inputPerMTok: 1, outputPerMTok: 4 };
    const first = { inputTokens: 1000, outputTokens: 100 };
    meter.add('primary', first, costOf(first, price));
    meter.add('primary', undefined, undefined); // a failed request
    meter.add('local', { inputTokens: 0, outputTokens: 0 }, undefined);
    expect(meter.summary()).toEqual({
      inputTokens: 1000,
      outputTokens: 100,
      costUsd: 0.0014,
      byModel: [
        { model: 'primary', requests: 2, inputTokens: 1000, outputTokens: 100, costUsd: 0.0014 },
        { model: 'local', requests: 1, inputTokens: 0, outputTokens: 0, costUsd: 0 },
      ],
    });
    meter.add('other', { inputTokens: 5, outputTokens: 5 }, undefined);
    expect(meter.summary()!.costUsd).toBeNull();
    expect(new UsageMeter().summary()).toBeNull();
  });
});

describe('mergeUsage', () => {
  it("adds a resumed attempt's usage to its earlier attempts', per model, in first-call order", () => {
    const earlier = new UsageMeter();
    earlier.add('primary', { inputTokens: 100, outputTokens: 10 }, 0.5);
    const later = new UsageMeter();
    later.add('secondary', { inputTokens: 7, outputTokens: 3 }, 0.25);
    later.add('primary', { inputTokens: 40, outputTokens: 20 }, 0.25);
    const merged = mergeUsage(earlier.summary(), later.summary());
    expect(merged).toEqual({
      inputTokens: 147,
      outputTokens: 33,
      costUsd: 1,
      byModel: [
        { model: 'primary', requests: 2, inputTokens: 140, outputTokens: 30, costUsd: 0.75 },
        { model: 'secondary', requests: 1, inputTokens: 7, outputTokens: 3, costUsd: 0.25 },
      ],
    });
    // Either side alone passes through; an unknown cost on either side stays unknown.
    expect(mergeUsage(null, later.summary())).toEqual(later.summary());
    expect(mergeUsage(earlier.summary(), null)).toEqual(earlier.summary());
    const unpriced = new UsageMeter();
    unpriced.add('primary', { inputTokens: 1, outputTokens: 1 }, undefined);
    const unknown = mergeUsage(earlier.summary(), unpriced.summary());
    expect(unknown?.costUsd).toBeNull();
    expect(unknown?.byModel[0]?.costUsd).toBeNull();
  });
});

describe('scrubbing', () => {
  it('redacts PII in URL query parameters, decoded, and keeps the origin and path', () => {
    expect(scrubUrl('http://10.0.0.5:4000/graphql?q=jane%40example.com&page=2')).toBe(
      'http://10.0.0.5:4000/graphql?q=%5BEMAIL_1%5D&page=2',
    );
    expect(scrubUrl('variables=%7B%22card%22%3A%224111+1111+1111+1111%22%7D')).toBe(
      'variables=%7B%22card%22%3A%22%5BCREDIT_CARD_1%5D%22%7D',
    );
    expect(scrubUrl('/graphql')).toBe('/graphql');
  });

  it('touches only the attributes that can echo input, and returns the same object otherwise', () => {
    const clean = { 'db.query.text': 'SELECT 1', 'gen_ai.request.model': 'gpt' };
    expect(scrubAttributes(clean)).toBe(clean);
    expect(
      scrubAttributes({ 'exception.message': 'jane@example.com', 'ballast.run.id': 'r1' }),
    ).toEqual({ 'exception.message': '[EMAIL_1]', 'ballast.run.id': 'r1' });
  });
});

describe('trace parents, error types, OTLP switches', () => {
  it('reads a stored W3C traceparent back as a remote parent, and ignores junk', () => {
    const parent = trace.getSpanContext(
      contextOfTraceParent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'),
    );
    expect(parent).toMatchObject({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
      isRemote: true,
    });
    expect(contextOfTraceParent('garbage')).toBe(ROOT_CONTEXT);
    expect(contextOfTraceParent(null)).toBe(ROOT_CONTEXT);
    expect(trace.getSpan(context.active())).toBeUndefined();
  });

  it('names errors by model failure code, then AppError code, then class', () => {
    expect(errorType(new ModelCallError('m', failureOf('TIMEOUT')))).toBe('TIMEOUT');
    expect(errorType(new AppError('NOT_FOUND', 'x'))).toBe('NOT_FOUND');
    expect(errorType(new TypeError('x'))).toBe('TypeError');
  });

  it('exports a signal over OTLP when its endpoint is set and its exporter is not none', () => {
    expect(otlpSignals({})).toEqual({ traces: false, metrics: false, metricsIntervalMs: 60_000 });
    expect(otlpSignals({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toMatchObject({
      traces: true,
      metrics: true,
    });
    expect(
      otlpSignals({
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces',
        OTEL_METRICS_EXPORTER: 'none',
        OTEL_METRIC_EXPORT_INTERVAL: '5000',
      }),
    ).toEqual({ traces: true, metrics: false, metricsIntervalMs: 5000 });
  });

  it('answers /metrics with 503 when the SDK was not started', () => {
    const response = {
      statusCode: 200,
      headers: {} as Record<string, string>,
      body: '',
      setHeader(name: string, value: string) {
        this.headers[name] = value;
      },
      end(text: string) {
        this.body = text;
      },
    };
    serveMetrics({} as never, response as never);
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('--import ./src/telemetry.ts');
  });
});
