import { ChatOpenAI } from '@langchain/openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../../fake-llm/server.js';

describe('the fake OpenAI-compatible server', () => {
  let fake: FakeLlmServer;
  const client = (model: string) =>
    new ChatOpenAI({ model, apiKey: 'test', maxRetries: 0, configuration: { baseURL: fake.url } });
  beforeAll(async () => {
    fake = await createFakeLlmServer();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('answers non-streaming completions with usage and records the body', async () => {
    fake.script('m', { reply: 'Plain answer.' });
    const message = await client('m').invoke('hello');
    expect(message.content).toBe('Plain answer.');
    expect(message.usage_metadata).toMatchObject({ output_tokens: 2 });
    expect(fake.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1/chat/completions',
        model: 'm',
        aborted: false,
      }),
    ]);
  });

  it('streams tokens that add up to the scripted reply', async () => {
    fake.script('m', { reply: 'one two three' });
    const tokens: string[] = [];
    for await (const chunk of await client('m').stream('hi'))
      if (chunk.content) tokens.push(String(chunk.content));
    expect(tokens).toEqual(['one ', 'two ', 'three']);
  });

  it('replies to a continuation request with the rest of the scripted text', async () => {
    fake.script('m', { reply: 'one two three four' });
    const message = await client('m').invoke([
      { role: 'user', content: 'count' },
      { role: 'assistant', content: 'one two ' },
    ]);
    expect(message.content).toBe('three four');
  });

  it('answers tool calls with the scripted JSON as arguments', async () => {
    fake.script('m', { json: { city: 'Paris' } });
    const tool = {
      type: 'function' as const,
      function: {
        name: 'lookup',
        description: 'find',
        parameters: { type: 'object', properties: {} },
      },
    };
    const message = await client('m').bindTools([tool], { tool_choice: 'lookup' }).invoke('where?');
    expect(message.tool_calls).toEqual([
      expect.objectContaining({ name: 'lookup', args: { city: 'Paris' } }),
    ]);
  });

  it('serves deterministic embeddings of the requested size and lists models', async () => {
    const embed = async () =>
      (
        await fetch(`${fake.url}/embeddings`, {
          method: 'POST',
          body: JSON.stringify({ model: 'e', input: ['a', 'b'], dimensions: 5 }),
        })
      ).json() as Promise<{
        data: { embedding: number[] }[];
      }>;
    const first = await embed();
    expect(first.data.map((d) => d.embedding.length)).toEqual([5, 5]);
    expect(await embed()).toEqual(first);
    fake.script('custom', {});
    const models = (await (await fetch(`${fake.url}/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((m) => m.id)).toEqual(['fake-model', 'custom']);
  });

  it('plays a per-request queue, then keeps its last entry', async () => {
    fake.script('m', [{ status: 500 }, { reply: 'ok' }]);
    await expect(client('m').invoke('x')).rejects.toMatchObject({ status: 500 });
    expect((await client('m').invoke('x')).content).toBe('ok');
    expect((await client('m').invoke('x')).content).toBe('ok');
  });

  it('can be scripted and inspected over HTTP from another process', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${fake.url.replace(/\/v1$/u, '')}${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
    expect(
      (
        await post('/_fake/script', {
          model: 'remote',
          behaviour: [{ status: 503 }, { reply: 'up' }],
        })
      ).status,
    ).toBe(200);
    await expect(client('remote').invoke('x')).rejects.toMatchObject({ status: 503 });
    expect((await client('remote').invoke('x')).content).toBe('up');
    const logged = (await (
      await fetch(`${fake.url.replace(/\/v1$/u, '')}/_fake/requests`)
    ).json()) as { model: string }[];
    expect(logged.map((r) => r.model)).toEqual(['remote', 'remote']);
    expect((await post('/_fake/script', { model: 42 })).status).toBe(400);
  });
});
