import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { askRequest, registryOf, remoteEntry, requestsFor } from './fake-chain.js';

const verdictSchema = z.object({ relevant: z.boolean(), score: z.number().min(0).max(1) });
const VALID = { relevant: true, score: 0.8 };

interface SentBody {
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
}
const bodyOf = (request: { body: unknown } | undefined): SentBody => request?.body as SentBody;

describe('structured output against the fake OpenAI server', () => {
  let fake: FakeLlmServer;
  beforeAll(async () => {
    fake = await createFakeLlmServer();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('asks for a JSON schema and returns the validated value', async () => {
    fake.script('primary', { json: VALID });
    const registry = registryOf([remoteEntry(fake, 'primary')]);

    const { value, result } = await registry.chat.generateStructured(verdictSchema, askRequest(), {
      schemaName: 'verdict',
    });

    expect(value).toEqual(VALID);
    expect(result).toMatchObject({ model: 'primary', attempts: [{ outcome: 'ok' }] });
    const sent = bodyOf(requestsFor(fake, 'primary')[0]);
    expect(sent.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'verdict', schema: { type: 'object' } },
    });
  });

  it('invalid JSON → a corrective re-ask carrying the error succeeds', async () => {
    fake.script('primary', [{ invalidJson: true }, { json: VALID }]);
    const registry = registryOf([remoteEntry(fake, 'primary')]);

    const { value, result } = await registry.chat.generateStructured(verdictSchema, askRequest());

    expect(value).toEqual(VALID);
    expect(result.attempts.map((a) => [a.model, a.outcome, a.reason])).toEqual([
      ['primary', 'invalid', 'INVALID_OUTPUT'],
      ['primary', 'ok', undefined],
    ]);
    const correction = bodyOf(requestsFor(fake, 'primary')[1]).messages;
    expect(correction.at(-2)).toEqual({
      role: 'assistant',
      content: '{"answer": "this JSON never ends',
    });
    expect(correction.at(-1)).toMatchObject({
      role: 'user',
      content: expect.stringMatching(/^Your previous reply is not valid JSON \(.+\)/),
    });
  });

  it('a schema violation is fed back naming the field', async () => {
    fake.script('primary', [{ json: { relevant: 'yes', score: 0.5 } }, { json: VALID }]);
    const registry = registryOf([remoteEntry(fake, 'primary')]);

    await registry.chat.generateStructured(verdictSchema, askRequest());

    const correction = bodyOf(requestsFor(fake, 'primary')[1]).messages.at(-1);
    expect(correction?.content).toMatch(/does not match the schema \(relevant: /);
  });

  it('invalid twice → falls back to the next model', async () => {
    fake.script('primary', { invalidJson: true });
    fake.script('secondary', { json: { relevant: false, score: 0.1 } });
    const registry = registryOf([remoteEntry(fake, 'primary'), remoteEntry(fake, 'secondary')]);

    const { value, result } = await registry.chat.generateStructured(verdictSchema, askRequest(), {
      maxCorrections: 1,
    });

    expect(value).toEqual({ relevant: false, score: 0.1 });
    expect(result).toMatchObject({ model: 'secondary', fallbackPath: ['primary', 'secondary'] });
    expect(result.attempts.map((a) => `${a.model}:${a.outcome}`)).toEqual([
      'primary:invalid',
      'primary:invalid',
      'secondary:ok',
    ]);
    expect(requestsFor(fake, 'primary')).toHaveLength(2);
  });

  it('when no model produces valid output, the error gives the path taken', async () => {
    fake.script('primary', { invalidJson: true });
    const registry = registryOf([remoteEntry(fake, 'primary')]);
    await expect(
      registry.chat.generateStructured(verdictSchema, askRequest(), { maxCorrections: 0 }),
    ).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      details: expect.objectContaining({ fallbackPath: ['primary', 'local'] }),
    });
  });
});
