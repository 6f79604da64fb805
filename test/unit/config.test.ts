import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('defaults to an embedded database on port 4000 in development', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ mode: 'EMBEDDED', dataDir: path.resolve('./.ballast') });
    expect(config.nodeEnv).toBe('development');
    expect(config.introspection).toBe(true);
    expect(config.sandbox).toBe(true);
    expect(config.modelsConfigPath).toBeUndefined();
    expect(config.models.chat.map((m) => m.provider)).toEqual(['local']);
    expect(config.models.embedding.provider).toBe('local');
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/ballast' });
    expect(config.database).toEqual({
      mode: 'POSTGRES',
      url: 'postgres://u@db:5432/ballast',
      poolMax: 10,
    });
  });

  it('turns introspection and Sandbox off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
      introspection: false,
      sandbox: false,
    });
    expect(
      loadConfig({ NODE_ENV: 'production', BALLAST_INTROSPECTION: 'true', BALLAST_SANDBOX: '1' }),
    ).toMatchObject({ introspection: true, sandbox: true });
  });

  it('reads the /metrics bearer token, refusing one too short to be a secret', () => {
    expect(loadConfig({}).telemetry.metricsToken).toBeUndefined();
    const token = 'prometheus-scrape-0123456789';
    expect(loadConfig({ BALLAST_METRICS_TOKEN: token }).telemetry.metricsToken).toBe(token);
    expect(() => loadConfig({ BALLAST_METRICS_TOKEN: 'short' })).toThrow(/BALLAST_METRICS_TOKEN/);
  });

  it('names every bad field at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        NODE_ENV: 'staging',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const fields = (error as ConfigError).issues.map((i) => i.split(':')[0]);
    expect(fields.sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'NODE_ENV', 'PORT']);
  });

  it('reads the models file named by BALLAST_CONFIG and reports unreadable ones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ballast-config-'));
    const good = path.join(dir, 'models.json');
    writeFileSync(
      good,
      JSON.stringify({
        chat: [{ id: 'primary', baseURL: 'http://127.0.0.1:9/v1', model: 'm', apiKeyEnv: 'KEY' }],
        embedding: { id: 'emb', provider: 'local' },
      }),
    );
    const config = loadConfig({ BALLAST_CONFIG: good, KEY: 'secret' });
    expect(config.models.chat.map((m) => m.id)).toEqual(['primary', 'local']);
    expect(() => loadConfig({ BALLAST_CONFIG: good })).toThrow(
      /BALLAST_CONFIG chat\[0\]\.apiKeyEnv: environment variable KEY is not set/,
    );

    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    expect(() => loadConfig({ BALLAST_CONFIG: bad })).toThrow(/BALLAST_CONFIG: .* not valid JSON/);
    expect(() => loadConfig({ BALLAST_CONFIG: path.join(dir, 'missing.json') })).toThrow(
      /BALLAST_CONFIG: cannot read/,
    );
  });
});
