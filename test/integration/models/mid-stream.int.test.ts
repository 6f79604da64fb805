import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModelRegistry } from '../../../src/models/index.js';
import { CONTINUE_INSTRUCTION } from '../../../src/models/router/continuation.js';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';
import {
  askRequest,
  chainConfig,
  collect,
  registryOf,
  remoteEntry,
  requestsFor,
} from './fake-chain.js';

const ANSWER =
  'The fox jumps over the lazy dog because the dog is asleep and the fox is in a hurry to get home.';

interface SentMessage {
  role: string;
  content: string;
}
const messagesOf = (body: unknown): SentMessage[] => (body as { messages: SentMessage[] }).messages;

describe('mid-stream failover (fake OpenAI server)', () => {
  let fake: FakeLlmServer;
  beforeAll(async () => {
    fake = await createFakeLlmServer();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('a stream cut after 5 tokens is completed by the fallback, nothing repeated or missing', async () => {
    fake.script('primary', { reply: ANSWER, cutAfterTokens: 5 });
    fake.script('secondary', { reply: ANSWER });
    const registry = registryOf([
      remoteEntry(fake, 'primary', { maxRetries: 2 }),
      remoteEntry(fake, 'secondary'),
    ]);

    const { events, tokens, result } = await collect(registry.chat.stream(askRequest()));

    const byModel = (model: string) =>
      events.map((e) => (e.type === 'token' && e.model === model ? e.text : '')).join('');
    expect(byModel('primary')).toBe('The fox jumps over the ');
    expect(events.find((e) => e.type === 'fallback')).toMatchObject({
      fromModel: 'primary',
      toModel: 'secondary',
      reason: 'STREAM_CUT',
      restart: false,
    });
    expect(tokens).toBe(ANSWER);
    expect(result).toMatchObject({
      text: ANSWER,
      model: 'secondary',
      fallbackPath: ['primary', 'secondary'],
    });
    // A cut after output is not retried on the primary; the secondary got a continuation request.
    expect(requestsFor(fake, 'primary')).toHaveLength(1);
    const sent = messagesOf(requestsFor(fake, 'secondary')[0]?.body);
    expect(sent.at(-1)).toEqual({ role: 'assistant', content: 'The fox jumps over the ' });
    expect(sent[0]?.content).toContain(CONTINUE_INSTRUCTION);
  });

  it('a continuation that repeats the end of the partial answer is trimmed', async () => {
    fake.script('primary', { reply: ANSWER, cutAfterTokens: 8 });
    fake.script('secondary', { reply: ANSWER, continuationOverlap: 'lazy dog because '.length });
    const registry = registryOf([remoteEntry(fake, 'primary'), remoteEntry(fake, 'secondary')]);

    const { tokens, result } = await collect(registry.chat.stream(askRequest()));

    expect(tokens).toBe(ANSWER);
    expect(result.text).toBe(ANSWER);
  });

  it('a stream that stalls after it started fails over with STREAM_STALL', async () => {
    fake.script('primary', { reply: ANSWER, hangAfterTokens: 3 });
    fake.script('secondary', { reply: ANSWER });
    const registry = registryOf([
      remoteEntry(fake, 'primary', { firstTokenTimeoutMs: 1000, stallTimeoutMs: 150 }),
      remoteEntry(fake, 'secondary'),
    ]);

    const { events, result } = await collect(registry.chat.stream(askRequest()));

    const fallback = events.find((e) => e.type === 'fallback');
    expect(fallback).toMatchObject({ reason: 'STREAM_STALL', restart: false });
    expect(fallback!.atMs).toBeLessThan(150 + 400);
    expect(result.text).toBe(ANSWER);
    await expect.poll(() => requestsFor(fake, 'primary')[0]?.aborted).toBe(true);
  });

  it('continuing on the local model restarts the answer and says so', async () => {
    fake.script('primary', { reply: ANSWER, cutAfterTokens: 5 });
    const registry = registryOf([remoteEntry(fake, 'primary')]);

    const { events, result } = await collect(registry.chat.stream(askRequest()));

    const fallbackAt = events.findIndex((e) => e.type === 'fallback');
    expect(events[fallbackAt]).toMatchObject({
      toModel: 'local',
      reason: 'STREAM_CUT',
      restart: true,
    });
    const afterRestart = events
      .slice(fallbackAt)
      .map((e) => (e.type === 'token' ? e.text : ''))
      .join('');
    expect(afterRestart).toBe(result.text);
    expect(result).toMatchObject({
      model: 'local',
      text: 'The quick brown fox jumps over the lazy dog.',
    });
  });

  it('a cut stream with no model left throws MODEL_UNAVAILABLE instead of a truncated answer', async () => {
    fake.script('primary', { reply: ANSWER, cutAfterTokens: 5 });
    const config = chainConfig([remoteEntry(fake, 'primary')]);
    const registry = createModelRegistry({ ...config, chat: config.chat.slice(0, 1) });

    const seen: string[] = [];
    const consume = async () => {
      for await (const event of registry.chat.stream(askRequest()))
        if (event.type === 'token') seen.push(event.text);
    };

    await expect(consume()).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      details: expect.objectContaining({ reason: 'STREAM_CUT' }),
    });
    expect(seen.join('')).toBe('The fox jumps over the ');
  });
});
