// Issue 20, points 5 and 6: one failover for every node that calls a model, each hop a
// ModelFallback of the run and part of the answer's fallbackPath; one usage accounting, which
// the answer, the run and the fake provider agree on.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DATABASE_MODE } from '../../support/database.js';
import { answerReply, chatLog, gradeReply, rewriteReply } from './support/fake-replies.js';
import { createGraphFixture, type GraphFixture } from './support/graph-fixture.js';
import { runAsService } from './support/run-as-service.js';
import { eventsOf, runToEnd } from './support/run-to-end.js';

const QUESTION = 'How many days of annual leave do employees get?';
const ANSWER = 'Employees get twenty-five days of annual leave per year.';

describe(`agentic-RAG graph: failover of every node, one usage accounting (${TEST_DATABASE_MODE})`, () => {
  let fx: GraphFixture;
  let thread = 0;
  const input = () => ({
    threadId: `failover-every-node-${++thread}`,
    workspaceId: fx.handbook.workspaceId,
    collectionId: fx.handbook.collectionId,
    question: QUESTION,
  });
  const annual = () => fx.handbook.documents[0]!.chunkIds[0]!;
  /** The tokens the fake reported, over every chat request it answered. */
  const reported = () =>
    fx.fake.requests.reduce(
      (sum, request) => ({
        inputTokens: sum.inputTokens + (request.usage?.prompt_tokens ?? 0),
        outputTokens: sum.outputTokens + (request.usage?.completion_tokens ?? 0),
      }),
      { inputTokens: 0, outputTokens: 0 },
    );

  beforeAll(async () => {
    fx = await createGraphFixture();
  });
  afterAll(() => fx.close());
  beforeEach(async () => {
    fx.fake.reset();
    await fx.pool.query('DELETE FROM answer_cache');
  });

  it('a grade the first model fails is a ModelFallback of the grade node and part of the fallbackPath', async () => {
    fx.fake.script('primary', { invalidJson: true });
    fx.fake.script('secondary', [gradeReply([annual()]), answerReply(ANSWER, [annual()])]);
    const { graph } = fx.graph();

    const run = await runAsService(fx.pool, graph, input());

    expect(run.events.filter((event) => event.type === 'ModelFallback')).toEqual([
      {
        type: 'ModelFallback',
        payload: {
          node: 'grade',
          fromModel: 'primary',
          toModel: 'secondary',
          reason: 'INVALID_OUTPUT',
          restart: false,
        },
      },
    ]);
    expect(run.answer).toMatchObject({
      text: ANSWER,
      model: 'secondary',
      fallbackPath: ['primary', 'secondary'],
    });
    // The primary's own corrections first (two re-asks), then the run stays on the secondary.
    expect(chatLog(fx.fake)).toEqual([
      'primary:grade',
      'primary:grade',
      'primary:grade',
      'secondary:grade',
      'secondary:answer',
    ]);
  });

  it('answer.usage is the run’s usage: every call the provider reported, failed grades included', async () => {
    fx.fake.script('primary', { invalidJson: true });
    fx.fake.script('secondary', [gradeReply([annual()]), answerReply(ANSWER, [annual()])]);
    const { graph } = fx.graph();

    const run = await runAsService(fx.pool, graph, input());

    const sent = reported();
    expect(sent.inputTokens).toBeGreaterThan(0);
    expect(run.answer?.usage).toEqual(sent);
    expect(run.usage).toMatchObject(sent);
    expect(run.usage?.byModel).toEqual([
      expect.objectContaining({ model: 'primary', requests: 3 }),
      expect.objectContaining({ model: 'secondary', requests: 2 }),
    ]);
  });

  it('a rewrite the first model fails is a fallback hop of the rewrite node; the run stays on the next model', async () => {
    fx.fake.script('primary', [gradeReply([]), { status: 503 }]);
    fx.fake.script('secondary', [
      rewriteReply('annual leave days per year'),
      gradeReply([annual()]),
      answerReply(ANSWER, [annual()]),
    ]);
    const { graph } = fx.graph();
    const { threadId, ...question } = input();

    const run = await runToEnd(graph, { threadId, input: question });

    expect(eventsOf(run, 'fallback')).toEqual([
      {
        type: 'fallback',
        node: 'rewrite',
        fromModel: 'primary',
        toModel: 'secondary',
        reason: 'HTTP_503',
        restart: false,
      },
    ]);
    expect(run.answer).toMatchObject({
      model: 'secondary',
      fallbackPath: ['primary', 'secondary'],
    });
    expect(run.nodes.slice(3)).toEqual([
      'grade',
      'rewrite',
      'fallback',
      'rewrite',
      'retrieve',
      'grade',
      'generate',
      'validate',
      'respond',
    ]);
    expect(chatLog(fx.fake)).toEqual([
      'primary:grade',
      'primary:rewrite',
      'secondary:rewrite',
      'secondary:grade',
      'secondary:answer',
    ]);
    expect(run.answer?.usage).toEqual(reported());
  });

  it('hops of several nodes make one path: a corrective retry adds none, every hop is an event', async () => {
    const madeUp = '11111111-1111-4111-8111-111111111111';
    fx.fake.script('primary', { status: 500 });
    fx.fake.script('secondary', [
      gradeReply([annual()]),
      answerReply(ANSWER, [madeUp]),
      { cutAfterTokens: 3, ...answerReply(ANSWER, [annual()]) },
    ]);
    const { graph } = fx.graph();
    const { threadId, ...question } = input();

    const run = await runToEnd(graph, { threadId, input: question });

    expect(
      eventsOf(run, 'fallback').map((e) => `${e.node}:${e.fromModel}>${e.toModel}:${e.reason}`),
    ).toEqual([
      'grade:primary>secondary:HTTP_500',
      'generate:secondary>secondary:UNGROUNDED',
      'generate:secondary>local:STREAM_CUT',
    ]);
    expect(run.answer).toMatchObject({
      model: 'local',
      fallbackPath: ['primary', 'secondary', 'local'],
    });
    expect(run.shown).toBe(run.answer?.text);
  });
});
