import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { streamAgenticRag } from '../../../graphs/agentic-rag/index.js';
import { checkpointHistory, threadConfig } from '../../../src/checkpoints/index.js';
import { TEST_DATABASE_MODE } from '../../support/database.js';
import { answerReply, chatLog, gradeReply, messagesOf } from './support/fake-replies.js';
import { NOW, createGraphFixture, remote, type GraphFixture } from './support/graph-fixture.js';
import { eventsOf, runToEnd } from './support/run-to-end.js';

const QUESTION = 'How many days of annual leave do employees get?';
const ANSWER =
  'Employees get twenty-five days of annual leave per year, approved by their manager.';

describe(`agentic-RAG graph: fallback edges (${TEST_DATABASE_MODE})`, () => {
  let fx: GraphFixture;
  let thread = 0;
  const ask = (question = QUESTION) => ({
    threadId: `fallback-paths-${++thread}`,
    input: {
      workspaceId: fx.handbook.workspaceId,
      collectionId: fx.handbook.collectionId,
      question,
    },
  });
  const annualChunk = () => fx.handbook.documents[0]!.chunkIds[0]!;

  beforeAll(async () => {
    fx = await createGraphFixture();
  });
  afterAll(() => fx.close());
  beforeEach(async () => {
    fx.fake.reset();
    await fx.pool.query('DELETE FROM answer_cache');
  });

  it('primary down: the fallback edge moves the run to the secondary at its first call and the checkpoint keeps the hop', async () => {
    fx.fake.script('primary', { status: 503 });
    fx.fake.script('secondary', [
      gradeReply([annualChunk()]),
      answerReply(ANSWER, [annualChunk()]),
    ]);
    const { graph } = fx.graph();

    const run = await runToEnd(graph, ask());

    expect(run.answer).toMatchObject({
      text: ANSWER,
      model: 'secondary',
      fallbackPath: ['primary', 'secondary'],
    });
    expect(eventsOf(run, 'fallback')).toEqual([
      {
        type: 'fallback',
        node: 'grade',
        fromModel: 'primary',
        toModel: 'secondary',
        reason: 'HTTP_503',
        restart: false,
      },
    ]);
    // The run stays on the secondary: generate does not try the primary again.
    expect(chatLog(fx.fake)).toEqual(['primary:grade', 'secondary:grade', 'secondary:answer']);
    const saved = await graph.getState(threadConfig(`fallback-paths-${thread}`));
    expect(saved.values).toMatchObject({
      hops: [
        {
          node: 'grade',
          fromModel: 'primary',
          toModel: 'secondary',
          reason: 'HTTP_503',
          at: NOW.toISOString(),
        },
      ],
    });
    const history = await checkpointHistory(fx.pool, `fallback-paths-${thread}`);
    expect(history.map((entry) => entry.node).reverse()).toEqual([
      '__input__',
      '__start__',
      'begin',
      'cache',
      'retrieve',
      'grade',
      'fallback',
      'grade',
      'generate',
      'validate',
      'respond',
    ]);
  });

  it('a stream cut mid-answer fails over and the next model continues it without a restart', async () => {
    fx.fake.script('primary', [
      gradeReply([annualChunk()]),
      answerReply(ANSWER, [annualChunk()], { cutAfterTokens: 5 }),
    ]);
    fx.fake.script('secondary', answerReply(ANSWER, [annualChunk()]));
    const { graph } = fx.graph();

    const run = await runToEnd(graph, ask());

    expect(run.answer).toMatchObject({ text: ANSWER, model: 'secondary' });
    const tokens = eventsOf(run, 'token');
    expect(tokens.some((t) => t.model === 'primary')).toBe(true);
    expect(tokens.map((t) => t.text).join('')).toBe(ANSWER);
    expect(eventsOf(run, 'fallback')).toEqual([
      {
        type: 'fallback',
        node: 'generate',
        fromModel: 'primary',
        toModel: 'secondary',
        reason: 'STREAM_CUT',
        restart: false,
      },
    ]);
    const partial = messagesOf(fx.fake.requests.at(-1)).at(-1);
    const full = JSON.stringify({ answer: ANSWER, citations: [annualChunk()], grounded: true });
    expect(partial?.role).toBe('assistant');
    expect(partial!.content.length).toBeGreaterThan(0);
    expect(full.startsWith(partial!.content)).toBe(true);
  });

  it('every remote model down: the local model answers from the context, citing it', async () => {
    fx.fake.script('primary', { status: 503 });
    fx.fake.script('secondary', { status: 500 });
    const { graph } = fx.graph();

    const run = await runToEnd(graph, ask());

    expect(run.answer).toMatchObject({
      model: 'local',
      fallbackPath: ['primary', 'secondary', 'local'],
      grounded: true,
      cached: false,
    });
    expect(run.answer?.citations.map((c) => c.chunkId)).toContain(annualChunk());
    expect(run.answer?.text).toContain('twenty-five days');
    expect(eventsOf(run, 'fallback').map((e) => [e.node, e.reason])).toEqual([
      ['grade', 'HTTP_503'],
      ['grade', 'HTTP_500'],
    ]);
    expect(run.shown).toBe(run.answer?.text);
  });

  it('a cut stream that only the local model can take over restarts the shown text', async () => {
    fx.fake.script('primary', [
      gradeReply([annualChunk()]),
      answerReply(ANSWER, [annualChunk()], { cutAfterTokens: 6 }),
    ]);
    const { graph } = fx.graph({ chat: [remote(fx.fake, 'primary')] });

    const run = await runToEnd(graph, ask());

    expect(run.answer).toMatchObject({ model: 'local', fallbackPath: ['primary', 'local'] });
    expect(eventsOf(run, 'fallback')).toEqual([
      {
        type: 'fallback',
        node: 'generate',
        fromModel: 'primary',
        toModel: 'local',
        reason: 'STREAM_CUT',
        restart: true,
      },
    ]);
    expect(run.shown).toBe(run.answer?.text);
  });

  it('a model whose circuit is open is skipped without a request, and the hop says so', async () => {
    fx.fake.script('primary', { status: 503 });
    fx.fake.script('secondary', [
      gradeReply([annualChunk()]),
      answerReply(ANSWER, [annualChunk()]),
    ]);
    const { graph, registry } = fx.graph({
      chat: [
        remote(fx.fake, 'primary', { breaker: { failureThreshold: 1, cooldownMs: 60_000 } }),
        remote(fx.fake, 'secondary'),
      ],
    });
    await registry.chat
      .model('primary')
      .generate({ messages: [], question: 'x', context: [] })
      .catch(() => {});
    expect(registry.chat.isOpen('primary')).toBe(true);
    fx.fake.reset();
    fx.fake.script('secondary', [
      gradeReply([annualChunk()]),
      answerReply(ANSWER, [annualChunk()]),
    ]);

    const run = await runToEnd(graph, ask());

    expect(run.answer).toMatchObject({
      model: 'secondary',
      fallbackPath: ['primary', 'secondary'],
    });
    expect(eventsOf(run, 'fallback')).toEqual([
      expect.objectContaining({ node: 'grade', fromModel: 'primary', reason: 'CIRCUIT_OPEN' }),
    ]);
    expect(chatLog(fx.fake).filter((entry) => entry.startsWith('primary'))).toEqual([]);
  });

  it('a continuation that repeats the end of the cut answer is trimmed: nothing is shown twice', async () => {
    fx.fake.script('primary', [
      gradeReply([annualChunk()]),
      answerReply(ANSWER, [annualChunk()], { cutAfterTokens: 8 }),
    ]);
    const overlap = 'leave per '.length;
    fx.fake.script(
      'secondary',
      answerReply(ANSWER, [annualChunk()], { continuationOverlap: overlap }),
    );
    const { graph } = fx.graph();

    const run = await runToEnd(graph, ask());

    // The secondary was sent the partial answer and began its reply with its last two words.
    const sent = messagesOf(fx.fake.requests.at(-1)).at(-1)?.content;
    expect(sent?.endsWith('annual leave per ')).toBe(true);
    expect(run.answer).toMatchObject({ text: ANSWER, model: 'secondary' });
    expect(run.shown).toBe(ANSWER);
    expect(eventsOf(run, 'fallback')).toEqual([
      expect.objectContaining({ node: 'generate', reason: 'STREAM_CUT', restart: false }),
    ]);
  });

  it('an answer stream that stalls is continued by the next model with STREAM_STALL', async () => {
    fx.fake.script('primary', [
      gradeReply([annualChunk()]),
      answerReply(ANSWER, [annualChunk()], { hangAfterTokens: 4 }),
    ]);
    fx.fake.script('secondary', answerReply(ANSWER, [annualChunk()]));
    const { graph } = fx.graph({
      chat: [
        remote(fx.fake, 'primary', { firstTokenTimeoutMs: 1000, stallTimeoutMs: 150 }),
        remote(fx.fake, 'secondary'),
      ],
    });

    const run = await runToEnd(graph, ask());

    expect(eventsOf(run, 'fallback')).toEqual([
      expect.objectContaining({ node: 'generate', reason: 'STREAM_STALL', restart: false }),
    ]);
    expect(run.shown).toBe(ANSWER);
    await expect
      .poll(() => fx.fake.requests.find((r) => r.model === 'primary' && r.aborted))
      .toBeDefined();
  });

  it('a model that hangs times out within its budget and the next one takes over', async () => {
    fx.fake.script('primary', { hang: true });
    fx.fake.script('secondary', [
      gradeReply([annualChunk()]),
      answerReply(ANSWER, [annualChunk()]),
    ]);
    const { graph } = fx.graph({
      chat: [
        remote(fx.fake, 'primary', { timeoutMs: 300, maxRetries: 2 }),
        remote(fx.fake, 'secondary'),
      ],
    });

    const started = performance.now();
    const run = await runToEnd(graph, ask());

    expect(eventsOf(run, 'fallback')).toEqual([
      expect.objectContaining({ node: 'grade', fromModel: 'primary', reason: 'TIMEOUT' }),
    ]);
    expect(run.answer).toMatchObject({
      model: 'secondary',
      fallbackPath: ['primary', 'secondary'],
    });
    // One timeout budget, not one per retry or per node.
    expect(performance.now() - started).toBeLessThan(300 + 2000);
    expect(chatLog(fx.fake).filter((entry) => entry.startsWith('primary'))).toEqual([
      'primary:grade',
    ]);
  });

  it('no model and no context: the run fails with MODEL_UNAVAILABLE, naming the path', async () => {
    fx.fake.script('primary', { status: 503 });
    fx.fake.script('secondary', { status: 503 });
    const { graph } = fx.graph({ overrides: { retrieve: () => Promise.resolve([]) } });

    await expect(runToEnd(graph, ask())).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      details: { fallbackPath: ['primary', 'secondary', 'local'] },
    });
  });

  it('no model and no context, but a similar question was answered before: the cached answer is served', async () => {
    const earlier = 'How many days of annual leave do employees get?';
    const now = 'How many days of annual leave do new employees get?';
    const { graph, registry } = fx.graph();
    const [a, b] = await registry.embedding.embed([earlier, now]);
    const similarity = a!.reduce((sum, x, i) => sum + x * b![i]!, 0);
    // Below a normal hit, above the last-resort threshold: only the last resort may use it.
    expect(similarity).toBeLessThan(fx.cache.similarityThreshold);
    expect(similarity).toBeGreaterThanOrEqual(0.85);
    fx.fake.script('primary', [gradeReply([annualChunk()]), answerReply(ANSWER, [annualChunk()])]);
    await runToEnd(graph, ask(earlier));

    fx.fake.reset();
    fx.fake.script('primary', { status: 503 });
    fx.fake.script('secondary', { status: 503 });
    const offline = fx.graph({ overrides: { retrieve: () => Promise.resolve([]) } }).graph;
    const run = await runToEnd(offline, ask(now));

    expect(run.answer).toMatchObject({
      text: ANSWER,
      cached: true,
      model: 'primary',
      // Ends with the model that wrote the cached answer: the last resort's hop.
      fallbackPath: ['primary', 'secondary', 'local', 'primary'],
    });
    expect(eventsOf(run, 'fallback').at(-1)).toMatchObject({
      fromModel: 'local',
      toModel: 'primary',
    });
    expect(run.shown).toBe(ANSWER);
    expect(run.nodes.slice(-2)).toEqual(['lastResort', 'respond']);
  });

  it('the caller’s abort signal cancels the run and the model HTTP request', async () => {
    fx.fake.script('primary', [
      gradeReply([annualChunk()]),
      answerReply(ANSWER, [annualChunk()], { tokenDelayMs: 200 }),
    ]);
    const { graph } = fx.graph();
    const controller = new AbortController();
    const seen: string[] = [];

    const consume = async () => {
      for await (const chunk of streamAgenticRag(graph, { ...ask(), signal: controller.signal })) {
        if (chunk.kind === 'event' && chunk.event.type === 'token') {
          seen.push(chunk.event.text);
          controller.abort();
        }
      }
    };

    await expect(consume()).rejects.toThrow();
    await expect.poll(() => fx.fake.requests.at(-1)?.aborted).toBe(true);
    expect(seen).toHaveLength(1);
    expect(chatLog(fx.fake)).toEqual(['primary:grade', 'primary:answer']);
  });
});
