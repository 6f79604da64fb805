import { describe, expect, it } from 'vitest';
import { DEFAULT_MODELS_CONFIG, parseModelsConfig } from '../../../src/models/config.js';

const primary = { id: 'primary', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };
const embedding = { id: 'emb', provider: 'local' };

const issuesOf = (raw: unknown, env: Record<string, string> = {}): string[] => {
  const result = parseModelsConfig(raw, env);
  return result.ok ? [] : result.issues;
};

describe('parseModelsConfig', () => {
  it('accepts the ARCHITECTURE.md example, resolves keys and applies defaults', () => {
    const result = parseModelsConfig(
      {
        chat: [
          { ...primary, apiKeyEnv: 'OPENAI_API_KEY', timeoutMs: 20000 },
          {
            id: 'fallback',
            baseURL: 'http://127.0.0.1:11434/v1',
            model: 'llama3.1:8b',
            timeoutMs: 30000,
          },
          { id: 'local', provider: 'local' },
        ],
        embedding: {
          id: 'emb',
          baseURL: 'https://api.openai.com/v1',
          model: 'text-embedding-3-small',
          apiKeyEnv: 'OPENAI_API_KEY',
          dimensions: 1536,
        },
      },
      { OPENAI_API_KEY: 'sk-test' },
    );
    if (!result.ok) throw new Error(result.issues.join('\n'));
    const [first, second, last] = result.config.chat;
    expect(first).toMatchObject({
      provider: 'openai',
      apiKey: 'sk-test',
      timeoutMs: 20000,
      maxRetries: 2,
    });
    expect(first).toMatchObject({
      firstTokenTimeoutMs: 10000,
      breaker: { failureThreshold: 5, cooldownMs: 30000 },
    });
    expect(second).not.toHaveProperty('apiKey');
    expect(last).toMatchObject({ id: 'local', provider: 'local' });
    expect(result.config.chat).toHaveLength(3);
    expect(result.config.embedding).toMatchObject({
      provider: 'openai',
      apiKey: 'sk-test',
      batchSize: 64,
    });
  });

  it('appends the local model when the chain does not end with one', () => {
    const result = parseModelsConfig({ chat: [primary], embedding }, {});
    expect(result.ok && result.config.chat.map((entry) => [entry.id, entry.provider])).toEqual([
      ['primary', 'openai'],
      ['local', 'local'],
    ]);
  });

  it('names the field of each error', () => {
    const issues = issuesOf({
      chat: [
        { ...primary, baseURL: 'not a url' },
        { ...primary, id: 'second', timeoutMs: -5 },
        { id: 'third', provider: 'azure' },
      ],
      embedding: { id: 'emb', provider: 'local', dimensions: 0 },
    });
    expect(issues).toEqual([
      'chat[0].baseURL: Invalid URL',
      expect.stringMatching(/^chat\[1\]\.timeoutMs: /),
      expect.stringMatching(/^chat\[2\]\.provider: /),
      expect.stringMatching(/^embedding\.dimensions: /),
    ]);
  });

  it('rejects unknown fields at every level', () => {
    const issues = issuesOf({
      chat: [{ ...primary, temperature: 0.2, breaker: { failureThreshold: 3, window: 10 } }],
      embedding,
      telemetry: true,
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'chat[0].temperature: unknown field',
        'chat[0].breaker.window: unknown field',
        'telemetry: unknown field',
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it('reports an API key variable that is not set, without its value anywhere', () => {
    const issues = issuesOf(
      { chat: [primary, { ...primary, id: 'second', apiKeyEnv: 'OPENAI_API_KEY' }], embedding },
      { OTHER: 'x' },
    );
    expect(issues).toEqual(['chat[1].apiKeyEnv: environment variable OPENAI_API_KEY is not set']);
    expect(
      issuesOf(
        {
          chat: [primary],
          embedding: {
            id: 'e',
            baseURL: primary.baseURL,
            model: 'm',
            dimensions: 8,
            apiKeyEnv: 'EMB_KEY',
          },
        },
        { EMB_KEY: '' },
      ),
    ).toEqual(['embedding.apiKeyEnv: environment variable EMB_KEY is not set']);
  });

  it('rejects duplicate ids and a local model before the end of the chain', () => {
    expect(issuesOf({ chat: [primary, primary], embedding })).toEqual([
      'chat[1].id: duplicate id "primary"',
    ]);
    expect(issuesOf({ chat: [{ id: 'l', provider: 'local' }, primary], embedding })).toEqual([
      'chat[0].provider: a local model must be the last of the chain',
    ]);
  });

  it('reports a non-object file at the root', () => {
    expect(issuesOf('chat')).toEqual(['(root): Invalid input: expected object, received string']);
    expect(issuesOf({ embedding })).toEqual([expect.stringMatching(/^chat: /)]);
  });

  it('defaults to the local chat model and the 384-dimension local embedder', () => {
    expect(DEFAULT_MODELS_CONFIG.chat).toEqual([
      expect.objectContaining({ id: 'local', provider: 'local' }),
    ]);
    expect(DEFAULT_MODELS_CONFIG.embedding).toEqual({
      id: 'local',
      provider: 'local',
      dimensions: 384,
    });
  });
});
