import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../../graphs/agentic-rag/index.js';
import {
  afterCache,
  afterFallback,
  afterGenerate,
  afterGrade,
  afterRewrite,
  afterValidate,
  maxSteps,
} from '../../../../graphs/agentic-rag/routes.js';
import type { AgenticRagAnswer } from '../../../../graphs/agentic-rag/index.js';
import { CHUNKS, fakeModel, fakeRouter, stateWith } from './fakes.js';

const answer = (model: string, grounded: boolean): AgenticRagAnswer => ({
  text: 'x',
  citations: [],
  model,
  fallbackPath: [model],
  cached: false,
  grounded,
});
const hop = {
  node: 'generate' as const,
  fromModel: 'primary',
  toModel: 'local',
  reason: 'HTTP_503' as const,
  at: new Date(0).toISOString(),
};

const failureOf = (node: 'grade' | 'rewrite' | 'generate') => ({
  node,
  model: 'primary',
  reason: 'HTTP_503' as const,
  partialRaw: '',
  displayed: false,
});

describe('routes', () => {
  it('after cache: a hit responds at once', () => {
    expect(afterCache.route(stateWith({ answer: answer('primary', true) }))).toBe('respond');
    expect(afterCache.route(stateWith())).toBe('retrieve');
  });

  it('after grade: rewrite while nothing is relevant and loops remain, never for an empty retrieval', () => {
    const grade = afterGrade(DEFAULT_LIMITS);
    const none = { relevantChunkIds: [], score: 0, model: 'primary' };
    expect(grade.route(stateWith({ chunks: CHUNKS, grading: none, rewrites: 1 }))).toBe('rewrite');
    expect(grade.route(stateWith({ chunks: CHUNKS, grading: none, rewrites: 2 }))).toBe('generate');
    expect(grade.route(stateWith({ chunks: [], grading: none }))).toBe('generate');
    expect(
      grade.route(stateWith({ chunks: CHUNKS, grading: { ...none, relevantChunkIds: ['k1'] } })),
    ).toBe('generate');
  });

  it('after grade, rewrite and generate: a failed model takes the fallback edge', () => {
    const none = { relevantChunkIds: [], score: 0, model: 'primary' };
    const failedGrade = stateWith({ chunks: CHUNKS, grading: none, failure: failureOf('grade') });
    expect(afterGrade(DEFAULT_LIMITS).route(failedGrade)).toBe('fallback');
    expect(afterRewrite.route(stateWith({ failure: failureOf('rewrite') }))).toBe('fallback');
    expect(afterRewrite.route(stateWith())).toBe('retrieve');
    expect(afterGenerate.route(stateWith({ failure: failureOf('generate') }))).toBe('fallback');
    expect(afterGenerate.route(stateWith())).toBe('validate');
  });

  it('after fallback: back to the node of the last hop on the next model, or the last resort', () => {
    for (const node of ['grade', 'rewrite', 'generate'] as const) {
      expect(afterFallback.route(stateWith({ model: 'secondary', hops: [{ ...hop, node }] }))).toBe(
        node,
      );
    }
    const exhausted = stateWith({ model: 'local', hops: [hop], failure: failureOf('grade') });
    expect(afterFallback.route(exhausted)).toBe('lastResort');
  });

  it('after validate: only the local model giving up after remote failures goes to the last resort', () => {
    const router = fakeRouter([
      fakeModel('primary', [{ tokens: [] }]).model,
      fakeModel('local', [{ tokens: [] }], { kind: 'local' }).model,
    ]).router;
    const validate = afterValidate(router);
    expect(validate.route(stateWith({ answer: answer('local', false), hops: [hop] }))).toBe(
      'lastResort',
    );
    expect(validate.route(stateWith({ answer: answer('local', false) }))).toBe('respond');
    expect(validate.route(stateWith({ answer: answer('primary', false), hops: [hop] }))).toBe(
      'respond',
    );
    expect(validate.route(stateWith({ correction: { reply: 'x', error: 'y' } }))).toBe('generate');
    expect(validate.route(stateWith())).toBe('fallback');
  });

  it('each route declares exactly the destinations it can return', () => {
    expect([...afterCache.destinations].sort()).toEqual(['respond', 'retrieve']);
    expect([...afterGrade(DEFAULT_LIMITS).destinations].sort()).toEqual([
      'fallback',
      'generate',
      'rewrite',
    ]);
    expect([...afterRewrite.destinations].sort()).toEqual(['fallback', 'retrieve']);
    expect([...afterGenerate.destinations].sort()).toEqual(['fallback', 'validate']);
    expect([...afterFallback.destinations].sort()).toEqual([
      'generate',
      'grade',
      'lastResort',
      'rewrite',
    ]);
    expect([...afterValidate(fakeRouter([]).router).destinations].sort()).toEqual([
      'fallback',
      'generate',
      'lastResort',
      'respond',
    ]);
  });

  it('bounds the steps of a run by the limits and the chain length', () => {
    expect(maxSteps(DEFAULT_LIMITS, 3)).toBe(4 + 3 * 2 + 6 * 3 + 2 + 5);
  });
});
