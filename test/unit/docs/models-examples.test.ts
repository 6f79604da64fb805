import { describe, expect, it } from 'vitest';
import { parseModelsConfig, type ModelsConfig } from '../../../src/models/config.js';
import type { RemoteChatEntry, RemoteEmbeddingEntry } from '../../../src/models/config-schema.js';
import { OpenAiChatProvider } from '../../../src/models/providers/openai-chat.js';
import { OpenAiEmbeddingProvider } from '../../../src/models/providers/openai-embeddings.js';
import { fencedBlocks } from './doc-blocks.js';

/**
 * Every models file in docs/models.md parses as the server parses `BALLAST_CONFIG`, and the
 * Azure OpenAI example reaches Azure's v1 endpoint the way the doc says: no api-version query,
 * the key as a bearer token.
 */
const DOC = 'docs/models.md';
const MODELS_FILES = fencedBlocks(DOC)
  .filter((block) => block.lang === 'json')
  .map((block) => ({ block, value: JSON.parse(block.code) as Record<string, unknown> }))
  .filter(({ value }) => 'chat' in value);

/** An environment holding a dummy value for every key variable the file names. */
function envFor(value: unknown): Record<string, string> {
  const names = JSON.stringify(value).matchAll(/"apiKeyEnv":"([A-Za-z0-9_]+)"/gu);
  return Object.fromEntries([...names].map(([, name]) => [name!, `key-of-${name}`]));
}

function parsed(value: unknown): ModelsConfig {
  const result = parseModelsConfig(value, envFor(value));
  if (!result.ok) throw new Error(result.issues.join('; '));
  return result.config;
}

const remote = <T extends { provider: string }>(entry: T) =>
  entry as T & (RemoteChatEntry | RemoteEmbeddingEntry) & { apiKey?: string };

describe(`models files in ${DOC}`, () => {
  it('has an example for each provider the issue names', () => {
    const text = MODELS_FILES.map(({ block }) => block.code).join('\n');
    for (const url of [
      'https://api.openai.com/v1',
      '.openai.azure.com/openai/v1',
      'http://localhost:11434/v1',
      'http://localhost:8000/v1',
      'http://127.0.0.1:4010/v1',
    ]) {
      expect(text, url).toContain(url);
    }
  });

  it.each(MODELS_FILES.map(({ block, value }) => [`${block.file}:${block.line}`, value] as const))(
    '%s parses as BALLAST_CONFIG',
    (_where, value) => {
      const config = parsed(value);
      expect(config.chat.at(-1)?.provider).toBe('local');
    },
  );

  it('the Azure example calls the v1 endpoint with the key as a bearer token', async () => {
    const azure = MODELS_FILES.find(({ value }) => JSON.stringify(value).includes('azure.com'));
    const config = parsed(azure!.value);
    const calls: { url: string; headers: Headers }[] = [];
    const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      calls.push({ url: request.url, headers: request.headers });
      return new Response('{"error": {"message": "stop here"}}', {
        status: 418,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;

    const chatEntry = remote(config.chat[0]!);
    expect(chatEntry.provider).toBe('openai');
    const chat = new OpenAiChatProvider(chatEntry as RemoteChatEntry & { apiKey?: string }, {
      fetch: fakeFetch,
    });
    const stream = chat.stream(
      { messages: [{ role: 'user', content: 'hi' }], question: 'hi', context: [] },
      { signal: AbortSignal.timeout(5000) },
    );
    await expect(
      (async () => {
        for await (const chunk of stream) void chunk;
      })(),
    ).rejects.toBeDefined();

    const embeddingEntry = remote(config.embedding);
    const embeddings = new OpenAiEmbeddingProvider(
      embeddingEntry as RemoteEmbeddingEntry & { apiKey?: string },
      { fetch: fakeFetch },
    );
    await expect(embeddings.embedBatch(['hi'], AbortSignal.timeout(5000))).rejects.toBeDefined();

    const host = new URL(chatEntry.baseURL).host;
    expect(host).toMatch(/^[a-z0-9-]+\.openai\.azure\.com$/u);
    expect(calls.map((call) => call.url)).toEqual([
      `https://${host}/openai/v1/chat/completions`,
      `https://${host}/openai/v1/embeddings`,
    ]);
    for (const call of calls) {
      expect(call.headers.get('authorization')).toBe('Bearer key-of-AZURE_OPENAI_API_KEY');
      expect(call.headers.get('api-key')).toBeNull();
    }
  });
});
