import { describe, expect, it } from 'vitest';
import { instrumentationsFromEnv } from '../../../src/telemetry/instrumentation-env.js';

describe('instrumentationsFromEnv', () => {
  it('runs all four when neither variable is set or both are empty', () => {
    const all = ['http', 'undici', 'graphql', 'pg'];
    expect(instrumentationsFromEnv({})).toEqual({ names: all, unknown: [] });
    expect(
      instrumentationsFromEnv({
        OTEL_NODE_ENABLED_INSTRUMENTATIONS: ' ',
        OTEL_NODE_DISABLED_INSTRUMENTATIONS: '',
      }).names,
    ).toEqual(all);
  });

  it('leaves out the disabled ones', () => {
    expect(instrumentationsFromEnv({ OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'pg' }).names).toEqual([
      'http',
      'undici',
      'graphql',
    ]);
  });

  it('runs only the enabled ones, then leaves out the disabled ones among them', () => {
    const env = {
      OTEL_NODE_ENABLED_INSTRUMENTATIONS: ' PG, graphql ,http',
      OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'http',
    };
    expect(instrumentationsFromEnv(env).names).toEqual(['graphql', 'pg']);
  });

  it('reports names Ballast has no instrumentation for, once each', () => {
    const selection = instrumentationsFromEnv({
      OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,express',
      OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'fs,express',
    });
    expect(selection).toEqual({ names: ['http'], unknown: ['express', 'fs'] });
  });
});
