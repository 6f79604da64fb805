import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DATABASE_MODE } from '../../support/database.js';
import {
  answerReply,
  chatLog,
  gradeReply,
  messagesOf,
  rewriteReply,
} from './support/fake-replies.js';
import { createGraphFixture, type GraphFixture } from './support/graph-fixture.js';
import { eventsOf, runToEnd } from './support/run-to-end.js';

const QUESTION = 'How many days of annual leave do employees get?';
const ANSWER = 'Employees get twenty-five days of annual leave per year.';

describe(`agentic-RAG graph: answer paths (${TEST_DATABASE_MODE})`, () => {
  let fx: GraphFixture;
  let thread = 0;
  const ask = (question = QUESTION) => ({
    threadId: `answer-paths-${++thread}`,
    input: {
      workspaceId: fx.handbook.workspaceId,
      collectionId: fx.handbook.collectionId,
      question,
    },
  });
  const leave = () => fx.handbook.documents[0]!;

  beforeAll(async () => {
    fx = await createGraphFixture();
  });
  afterAll(() => fx.close());
  beforeEach(async () => {
    fx.fake.reset();
    await fx.pool.query('DELETE FROM answer_cache');
  });

  it('answers with citations, streaming tokens that add up to the answer', async () => {
    const [annual] = leave().chunkIds;
    fx.fake.script('primary', [gradeReply([annual!]), answerReply(ANSWER, [annual!])]);
    const { graph } = fx.graph();

    const run = await runToEnd(graph, ask());

    expect(run.answer).toMatchObject({
      text: ANSWER,
      citations: [{ chunkId: annual, documentId: leave().id }],
      model: 'primary',
      fallbackPath: ['primary'],
      cached: false,
      grounded: true,
    });
    expect(run.answer?.usage?.outputTokens).toBeGreaterThan(0);
    expect(run.shown).toBe(ANSWER);
    expect(eventsOf(run, 'token').length).toBeGreaterThan(3);
    expect(eventsOf(run, 'retrieval')).toEqual([
      { type: 'retrieval', query: QUESTION, chunkIds: expect.arrayContaining([annual]) },
    ]);
    expect(run.nodes).toEqual([
      'begin',
      'cache',
      'retrieve',
      'grade',
      'generate',
      'validate',
      'respond',
    ]);
    expect(chatLog(fx.fake)).toEqual(['primary:grade', 'primary:answer']);
  });

  it('rewrites the query when the first retrieval has nothing relevant, then answers', async () => {
    const [annual] = leave().chunkIds;
    fx.fake.script('primary', [
      gradeReply([]),
      rewriteReply('annual leave days per year'),
      gradeReply([annual!]),
      answerReply(ANSWER, [annual!]),
    ]);
    const { graph } = fx.graph();

    const run = await runToEnd(graph, ask());

    expect(run.answer).toMatchObject({ text: ANSWER, model: 'primary' });
    expect(eventsOf(run, 'retrieval').map((e) => e.query)).toEqual([
      QUESTION,
      'annual leave days per year',
    ]);
    const state = await graph.getState({ configurable: { thread_id: `answer-paths-${thread}` } });
    expect(state.values).toMatchObject({ rewrites: 1, retrievals: 2 });
    expect(chatLog(fx.fake)).toEqual([
      'primary:grade',
      'primary:rewrite',
      'primary:grade',
      'primary:answer',
    ]);
  });

  it('stops rewriting after two loops and answers from what it found', async () => {
    fx.fake.script('primary', [
      gradeReply([]),
      rewriteReply('first rewrite'),
      gradeReply([]),
      rewriteReply('second rewrite'),
      gradeReply([]),
      { json: { answer: 'The handbook does not say.', citations: [], grounded: false } },
    ]);
    const { graph } = fx.graph();

    const run = await runToEnd(graph, ask('What colour is the office carpet?'));

    expect(run.answer).toMatchObject({ grounded: false, citations: [], cached: false });
    expect(eventsOf(run, 'retrieval')).toHaveLength(3);
    expect(chatLog(fx.fake).filter((entry) => entry.endsWith(':rewrite'))).toHaveLength(2);
  });

  it('re-asks once with the parse error after invalid JSON, and the client restarts the text', async () => {
    const [annual] = leave().chunkIds;
    fx.fake.script('primary', [
      gradeReply([annual!]),
      { invalidJson: true },
      answerReply(ANSWER, [annual!]),
    ]);
    const { graph } = fx.graph();

    const run = await runToEnd(graph, ask());

    expect(run.answer).toMatchObject({ text: ANSWER, model: 'primary', fallbackPath: ['primary'] });
    expect(eventsOf(run, 'fallback')).toEqual([
      {
        type: 'fallback',
        node: 'generate',
        fromModel: 'primary',
        toModel: 'primary',
        reason: 'INVALID_OUTPUT',
        restart: true,
      },
    ]);
    expect(run.shown).toBe(ANSWER);
    const retry = messagesOf(fx.fake.requests.at(-1));
    expect(retry.at(-1)?.content).toMatch(/^Your previous reply is not valid JSON/);
    expect(retry.at(-2)?.role).toBe('assistant');
  });

  it('an answer citing a chunk outside the context is corrected, then handed to the next model', async () => {
    const [annual] = leave().chunkIds;
    const madeUp = '11111111-1111-4111-8111-111111111111';
    fx.fake.script('primary', [
      gradeReply([annual!]),
      answerReply(ANSWER, [madeUp]),
      answerReply(ANSWER, [madeUp]),
    ]);
    fx.fake.script('secondary', answerReply(ANSWER, [annual!]));
    const { graph } = fx.graph();

    const run = await runToEnd(graph, ask());

    expect(run.answer).toMatchObject({
      model: 'secondary',
      fallbackPath: ['primary', 'secondary'],
    });
    expect(eventsOf(run, 'fallback').map((e) => [e.fromModel, e.toModel, e.reason])).toEqual([
      ['primary', 'primary', 'UNGROUNDED'],
      ['primary', 'secondary', 'UNGROUNDED'],
    ]);
    expect(run.shown).toBe(ANSWER);
    expect(messagesOf(fx.fake.requests[2]).at(-1)?.content).toContain(madeUp);
  });
});
