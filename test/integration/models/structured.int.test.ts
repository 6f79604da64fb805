import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ModelAttempt } from '../../../src/models/index.js';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import { askRequest, outcomesOf, registryOf, remoteEntry, requestsFor } from './fake-chain.js';

const verdictSchema = z.object({ relevant: z.boolean(), score: z.number().min(0).max(1) });
const VALID = { relevant: true, score: 0.8 };

interface SentBody {
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
}
const bodyOf = (request: { body: unknown } | undefined): SentBody => request?.body as SentBody;

describe('structured output of one model against the fake OpenAI server', () => {
  let fake: FakeLlmServer;
  beforeAll(async () => {
    fake = await createFakeLlmServer();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const primary = () => registryOf([remoteEntry(fake, 'primary')]).chat.model('primary');

  it('asks for a JSON schema and returns the validated value', async () => {
    fake.script('primary', { json: VALID });
    const attempts: ModelAttempt[] = [];

    const value = await primary().generateStructured(verdictSchema, askRequest(), {
      schemaName: 'verdict',
      onAttempt: (attempt) => attempts.push(attempt),
    });

    expect(value).toEqual(VALID);
    expect(outcomesOf(attempts)).toEqual(['primary:ok:']);
    const sent = bodyOf(requestsFor(fake, 'primary')[0]);
    expect(sent.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'verdict', schema: { type: 'object' } },
    });
  });

  it('invalid JSON → a corrective re-ask carrying the error succeeds', async () => {
    fake.script('primary', [{ invalidJson: true }, { json: VALID }]);
    const attempts: ModelAttempt[] = [];

    const value = await primary().generateStructured(verdictSchema, askRequest(), {
      onAttempt: (attempt) => attempts.push(attempt),
    });

    expect(value).toEqual(VALID);
    expect(outcomesOf(attempts)).toEqual(['primary:invalid:INVALID_OUTPUT', 'primary:ok:']);
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

    await primary().generateStructured(verdictSchema, askRequest());

    const correction = bodyOf(requestsFor(fake, 'primary')[1]).messages.at(-1);
    expect(correction?.content).toMatch(/does not match the schema \(relevant: /);
  });

  it('invalid after every correction → INVALID_OUTPUT, for the graph to fall back on', async () => {
    fake.script('primary', { invalidJson: true });
    const attempts: ModelAttempt[] = [];

    await expect(
      primary().generateStructured(verdictSchema, askRequest(), {
        maxCorrections: 1,
        onAttempt: (attempt) => attempts.push(attempt),
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_MODEL_OUTPUT',
      model: 'primary',
      failure: { code: 'INVALID_OUTPUT' },
    });
    expect(outcomesOf(attempts)).toEqual(Array(2).fill('primary:invalid:INVALID_OUTPUT'));
    expect(requestsFor(fake, 'primary')).toHaveLength(2);
  });

  it('a failed request ends the call with its reason, its attempts reported', async () => {
    fake.script('primary', { status: 503 });
    const attempts: ModelAttempt[] = [];
    await expect(
      primary().generateStructured(verdictSchema, askRequest(), {
        onAttempt: (attempt) => attempts.push(attempt),
      }),
    ).rejects.toMatchObject({ failure: { code: 'HTTP_503' } });
    expect(outcomesOf(attempts)).toEqual(['primary:error:HTTP_503']);
  });
});
