import { describe, expect, it } from 'vitest';
import { JsonStringFieldReader } from '../../../../graphs/agentic-rag/answer-stream.js';
import { LocalChatProvider } from '../../../../src/models/local/local-chat-provider.js';
import type { ProviderChunk } from '../../../../src/models/providers/chat-provider.js';
import type { ChatRequest } from '../../../../src/models/types.js';

const request: ChatRequest = {
  messages: [],
  question: 'What are the rules for parental leave?',
  context: [
    {
      id: 'leave#0',
      text:
        '# Parental Leave\n\nParental leave is sixteen weeks at full pay for birth and adoptive ' +
        'parents.\nParental leave can be split into two blocks within the first year.',
    },
  ],
};

async function collect(
  provider: LocalChatProvider,
  structured: boolean,
  signal = new AbortController().signal,
  onText: (text: string) => void = () => undefined,
): Promise<ProviderChunk[]> {
  const chunks: ProviderChunk[] = [];
  const options = structured
    ? { signal, structured: { name: 'answer', task: 'answer' as const } }
    : { signal };
  for await (const chunk of provider.stream(request, options)) {
    chunks.push(chunk);
    if (chunk.type === 'text') onText(chunk.text);
  }
  return chunks;
}

const texts = (chunks: ProviderChunk[]) =>
  chunks.flatMap((chunk) => (chunk.type === 'text' ? [chunk.text] : []));

describe('LocalChatProvider streams like a remote model', () => {
  it('streams the JSON answer so that its answer text arrives word by word', async () => {
    const chunks = await collect(new LocalChatProvider('local'), true);
    const raw = texts(chunks).join('');
    const value = JSON.parse(raw) as { answer: string; citations: string[]; grounded: boolean };
    expect(value.citations).toEqual(['leave#0']);
    expect(value.grounded).toBe(true);
    const reader = new JsonStringFieldReader();
    const shown = texts(chunks)
      .map((text) => reader.push(text))
      .filter((text) => text !== '');
    expect(shown.join('')).toBe(value.answer);
    expect(shown.length).toBe(value.answer.split(' ').length);
    expect(chunks.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('streams a plain answer word by word too', async () => {
    const pieces = texts(await collect(new LocalChatProvider('local'), false));
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toMatch(/^Parental leave is sixteen weeks/u);
  });

  it('lets the event loop run between words instead of holding it for the whole answer', async () => {
    let turns = 0;
    let pieces = 0;
    const tick = () => {
      turns++;
      if (pieces < 1000) setImmediate(tick);
    };
    setImmediate(tick);
    await collect(new LocalChatProvider('local'), true, undefined, () => pieces++);
    const total = pieces;
    pieces = 1000;
    expect(turns).toBeGreaterThanOrEqual(total - 1);
  });

  it('stops at once when aborted mid-answer', async () => {
    const controller = new AbortController();
    let seen = 0;
    await expect(
      collect(new LocalChatProvider('local'), true, controller.signal, () => {
        if (++seen === 3) controller.abort(new Error('gone'));
      }),
    ).rejects.toThrow('gone');
    expect(seen).toBe(3);
  });
});
