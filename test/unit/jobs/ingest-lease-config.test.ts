import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';

describe('BALLAST_INGEST_LEASE_SECONDS', () => {
  it('defaults to the lease of runs, 30 s', () => {
    const { jobs } = loadConfig({});
    expect(jobs.ingestLeaseSeconds).toBe(30);
    expect(jobs.ingestLeaseSeconds).toBe(jobs.runLeaseSeconds);
  });

  it('takes whole seconds from 2 to 3600', () => {
    expect(loadConfig({ BALLAST_INGEST_LEASE_SECONDS: '5' }).jobs.ingestLeaseSeconds).toBe(5);
    for (const bad of ['1', '3601', '2.5', 'soon']) {
      expect(() => loadConfig({ BALLAST_INGEST_LEASE_SECONDS: bad })).toThrow(ConfigError);
    }
  });
});
