import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkpointHistory, threadConfig } from '../../../src/checkpoints/index.js';
import type { AgenticRagGraph, AgenticRagValues } from '../../../graphs/agentic-rag/index.js';
import { TEST_DATABASE_MODE } from '../../support/database.js';
import { answerReply, gradeReply, messagesOf } from './support/fake-replies.js';
import { createGraphFixture, type GraphFixture } from './support/graph-fixture.js';
import { runToEnd } from './support/run-to-end.js';

const FIRST = 'How many days of annual leave do employees get?';
const FIRST_ANSWER = 'Employees get twenty-five days of annual leave per year.';
const SECOND = 'Who approves it?';
const SECOND_ANSWER = 'Your manager approves leave requests.';

const stateOf = async (graph: AgenticRagGraph, threadId: string) =>
  (await graph.getState(threadConfig(threadId))).values as AgenticRagValues;

describe(`agentic-RAG graph: threads and checkpoints (${TEST_DATABASE_MODE})`, () => {
  let fx: GraphFixture;
  let thread = 0;
  const newThread = () => `threads-${++thread}`;
  const input = (question: string) => ({
    workspaceId: fx.handbook.workspaceId,
    collectionId: fx.handbook.collectionId,
    question,
  });
  const annual = () => fx.handbook.documents[0]!.chunkIds[0]!;
  const scriptTurn = (answer: string) =>
    fx.fake.script('primary', [gradeReply([annual()]), answerReply(answer, [annual()])]);
  const lastAnswerRequest = () =>
    messagesOf(fx.fake.requests.filter((r) => r.path === '/v1/chat/completions').at(-1));

  beforeAll(async () => {
    fx = await createGraphFixture();
  });
  afterAll(() => fx.close());
  beforeEach(async () => {
    fx.fake.reset();
    await fx.pool.query('DELETE FROM answer_cache');
  });

  it('a follow-up question sees the earlier turn of its thread', async () => {
    const { graph } = fx.graph();
    const threadId = newThread();
    scriptTurn(FIRST_ANSWER);
    await runToEnd(graph, { threadId, input: input(FIRST) });
    scriptTurn(SECOND_ANSWER);

    await runToEnd(graph, { threadId, input: input(SECOND) });

    const sent = lastAnswerRequest().map((m) => m.content);
    expect(sent).toEqual(expect.arrayContaining([FIRST, FIRST_ANSWER]));
    expect(sent.at(-1)).toBe(SECOND);
    const values = await stateOf(graph, threadId);
    expect(values.history).toEqual([
      { role: 'user', content: FIRST },
      { role: 'assistant', content: FIRST_ANSWER },
      { role: 'user', content: SECOND },
      { role: 'assistant', content: SECOND_ANSWER },
    ]);
  });

  it('over budget, old turns give way to a summary and the budget report lists them', async () => {
    const { graph } = fx.graph({
      overrides: { budget: { maxInputTokens: 700, answerReserve: 200 } },
    });
    const threadId = newThread();
    const long = `${FIRST_ANSWER} ${'It is explained at length in the policy. '.repeat(20)}`;
    scriptTurn(long);
    await runToEnd(graph, { threadId, input: input(FIRST) });
    scriptTurn(SECOND_ANSWER);

    await runToEnd(graph, { threadId, input: input(SECOND) });

    const values = await stateOf(graph, threadId);
    // The first turn (its question and answer) goes as a whole.
    expect(values.budget?.dropped.filter((d) => d.section === 'history').map((d) => d.id)).toEqual([
      '0',
      '1',
    ]);
    expect(values.budget?.usedTokens).toBeLessThanOrEqual(500);
    expect(
      lastAnswerRequest().some((m) => m.content.startsWith('Summary of the earlier conversation')),
    ).toBe(true);
  });

  it('lists a thread’s checkpoints with the node behind each, and forks from an earlier one', async () => {
    const { graph } = fx.graph();
    const threadId = newThread();
    scriptTurn(FIRST_ANSWER);
    await runToEnd(graph, { threadId, input: input(FIRST) });
    scriptTurn(SECOND_ANSWER);
    await runToEnd(graph, { threadId, input: input(SECOND) });

    const history = await checkpointHistory(fx.pool, threadId);
    const endOfFirstTurn = history.filter((entry) => entry.node === 'respond')[1]!;
    expect(history.filter((entry) => entry.node === '__input__')).toHaveLength(2);
    expect(history[0]).toMatchObject({ node: 'respond' });
    expect(Date.parse(history[0]!.at)).toBeGreaterThan(Date.parse(endOfFirstTurn.at));

    scriptTurn('Parental leave is sixteen weeks.');
    await runToEnd(graph, {
      threadId,
      checkpointId: endOfFirstTurn.checkpointId,
      input: input('And parental leave?'),
    });

    const values = await stateOf(graph, threadId);
    expect(values.history.filter((m) => m.role === 'user').map((m) => m.content)).toEqual([
      FIRST,
      'And parental leave?',
    ]);
    const forked = await checkpointHistory(fx.pool, threadId);
    const forkInput = forked.find(
      (entry) => entry.node === '__input__' && entry.parentId === endOfFirstTurn.checkpointId,
    );
    expect(forkInput).toBeDefined();
    expect(forked.length).toBeGreaterThan(history.length);
  });
});
