import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DATABASE_MODE } from '../../support/database.js';
import { answerReply, chatLog, gradeReply } from './support/fake-replies.js';
import { createGraphFixture, type GraphFixture } from './support/graph-fixture.js';
import { remoteGraph, remoteRegistry } from './support/remote-graph.js';
import { eventsOf, runToEnd } from './support/run-to-end.js';
import { HANDBOOK, seedCollection } from './support/seed-collection.js';

const QUESTION = 'How many days of annual leave do employees get?';
const PARAPHRASE = 'How many days of annual leave do employees get each year?';
const ANSWER = 'Employees get twenty-five days of annual leave per year.';

describe(`agentic-RAG graph: answer cache (${TEST_DATABASE_MODE})`, () => {
  let fx: GraphFixture;
  let thread = 0;
  const ask = (question = QUESTION) => ({
    threadId: `answer-cache-${++thread}`,
    input: {
      workspaceId: fx.handbook.workspaceId,
      collectionId: fx.handbook.collectionId,
      question,
    },
  });
  const leave = () => fx.handbook.documents[0]!;
  const answerOnce = (question = QUESTION) => {
    const [annual] = leave().chunkIds;
    fx.fake.script('primary', [gradeReply([annual!]), answerReply(ANSWER, [annual!])]);
    return runToEnd(fx.graph().graph, ask(question));
  };
  const entries = async () =>
    (await fx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM answer_cache')).rows[0]!.n;

  beforeAll(async () => {
    fx = await createGraphFixture();
  });
  afterAll(() => fx.close());
  beforeEach(async () => {
    fx.fake.reset();
    await fx.pool.query('DELETE FROM answer_cache');
  });

  it('serves a stored answer to the same question without calling a model, streaming its text', async () => {
    const first = await answerOnce();
    expect(first.answer?.cached).toBe(false);
    fx.fake.reset();

    const second = await runToEnd(
      fx.graph().graph,
      ask(`  how many days of ANNUAL leave do employees get `),
    );

    expect(second.answer).toEqual({
      ...first.answer,
      cached: true,
      fallbackPath: ['primary'],
      usage: undefined,
    });
    expect(second.nodes).toEqual(['begin', 'cache', 'respond']);
    expect(eventsOf(second, 'token')).toEqual([{ type: 'token', text: ANSWER, model: 'primary' }]);
    expect(second.shown).toBe(ANSWER);
    expect(chatLog(fx.fake)).toEqual([]);
  });

  it('serves it to a similar question by embedding similarity', async () => {
    await answerOnce();
    fx.fake.reset();

    const run = await runToEnd(fx.graph().graph, ask(PARAPHRASE));

    expect(run.answer).toMatchObject({ text: ANSWER, cached: true });
    expect(chatLog(fx.fake)).toEqual([]);
  });

  it('stops serving it once a chunk it cited changes, and retires the entry', async () => {
    await answerOnce();
    const [annual] = leave().chunkIds;
    await fx.pool.query(
      `UPDATE chunks SET text = 'Annual leave is thirty days per year.' WHERE id = $1`,
      [annual],
    );
    fx.fake.reset();
    fx.fake.script('primary', [gradeReply([annual!]), answerReply('Thirty days.', [annual!])]);

    const run = await runToEnd(fx.graph().graph, ask());

    expect(run.answer).toMatchObject({ text: 'Thirty days.', cached: false });
    expect(chatLog(fx.fake)).toEqual(['primary:grade', 'primary:answer']);
    const stored = await fx.pool.query<{ answer: { text: string } }>(
      'SELECT answer FROM answer_cache',
    );
    expect(stored.rows.map((row) => row.answer.text)).toEqual(['Thirty days.']);
  });

  it('stops serving it once the cited document is deleted', async () => {
    const { documents } = fx.handbook;
    const security = documents[1]!;
    fx.fake.script('primary', [
      gradeReply([security.chunkIds[0]!]),
      answerReply('Every ninety days.', [security.chunkIds[0]!]),
    ]);
    await runToEnd(fx.graph().graph, ask('How often do passwords rotate?'));
    expect(await entries()).toBe(1);
    await fx.pool.query('DELETE FROM documents WHERE id = $1', [security.id]);
    fx.fake.reset();
    fx.fake.script('primary', [
      gradeReply([]),
      { json: { answer: 'The documents do not say.', citations: [], grounded: false } },
    ]);
    const { graph } = fx.graph({ overrides: { limits: { maxRewrites: 0 } } });

    const run = await runToEnd(graph, ask('How often do passwords rotate?'));

    expect(run.answer).toMatchObject({ cached: false, grounded: false });
    expect(chatLog(fx.fake)).toEqual(['primary:grade', 'primary:answer']);
    expect(await entries()).toBe(0);
  });

  it('does not cache follow-up turns, ungrounded answers or answers of the local model', async () => {
    const [annual] = leave().chunkIds;
    const { graph } = fx.graph();
    const conversation = ask();
    fx.fake.script('primary', [
      gradeReply([annual!]),
      { json: { answer: 'The handbook does not say.', citations: [], grounded: false } },
    ]);
    await runToEnd(graph, conversation);
    fx.fake.script('primary', [gradeReply([annual!]), answerReply(ANSWER, [annual!])]);
    await runToEnd(graph, {
      ...conversation,
      input: { ...conversation.input, question: 'And parental leave?' },
    });
    fx.fake.script('primary', { status: 503 });
    fx.fake.script('secondary', { status: 503 });
    const local = await runToEnd(graph, ask('How long is parental leave?'));

    expect(local.answer).toMatchObject({ model: 'local', grounded: true });
    expect(await entries()).toBe(0);
  });

  it('embeds the question once for lookup, search and the stored entry', async () => {
    const registry = remoteRegistry(fx.fake.url);
    const remote = await seedCollection(fx.pool, registry.embedding, 'remote', HANDBOOK);
    const chunk = remote.documents[0]!.chunkIds[0]!;
    fx.fake.reset();
    fx.fake.script('primary', [gradeReply([chunk]), answerReply(ANSWER, [chunk])]);
    const graph = await remoteGraph(fx.pool, registry);

    await runToEnd(graph, {
      threadId: `answer-cache-${++thread}`,
      input: {
        workspaceId: remote.workspaceId,
        collectionId: remote.collectionId,
        question: QUESTION,
      },
    });
    await registry.close();

    const embedded = fx.fake.requests.filter((r) => r.path === '/v1/embeddings');
    // The cache lookup's vector serves the first search and the stored entry too.
    expect(embedded).toHaveLength(1);
    expect(await entries()).toBe(1);
  });
});
