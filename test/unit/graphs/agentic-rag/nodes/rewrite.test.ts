import { describe, expect, it } from 'vitest';
import { rewriteNode } from '../../../../../graphs/agentic-rag/nodes/rewrite.js';
import {
  failingWith,
  fakeModel,
  fakeRouter,
  nodeDeps,
  recordingConfig,
  stateWith,
} from '../fakes.js';

describe('rewrite node', () => {
  const replying = (query: string) =>
    fakeModel('primary', [{ tokens: [] }], { structured: () => ({ query }) });

  it('replaces the query and counts the loop', async () => {
    const primary = replying('  annual leave entitlement days ');
    const update = await rewriteNode(nodeDeps({ router: fakeRouter([primary.model]).router }))(
      stateWith({ query: 'leave', rewrites: 1 }),
      recordingConfig().config,
    );
    expect(update).toEqual({ query: 'annual leave entitlement days', rewrites: 2 });
    expect(primary.structuredCalls[0]?.options).toEqual({ task: 'rewrite' });
    expect(primary.structuredCalls[0]?.request.messages.at(-1)?.content).toContain(
      'Search query: leave',
    );
  });

  it('keeps the previous query when the rewrite is blank', async () => {
    const primary = replying('   ');
    const update = await rewriteNode(nodeDeps({ router: fakeRouter([primary.model]).router }))(
      stateWith({ query: 'leave' }),
      recordingConfig().config,
    );
    expect(update).not.toHaveProperty('query');
  });

  it('records a failed model for the fallback edge, without counting the loop', async () => {
    const primary = fakeModel('primary', [{ tokens: [] }], {
      structured: failingWith('primary', 'INVALID_OUTPUT'),
    });
    const update = await rewriteNode(nodeDeps({ router: fakeRouter([primary.model]).router }))(
      stateWith({ query: 'leave', rewrites: 1 }),
      recordingConfig().config,
    );
    expect(update).toEqual({
      failure: {
        node: 'rewrite',
        model: 'primary',
        reason: 'INVALID_OUTPUT',
        partialRaw: '',
        displayed: false,
      },
    });
  });
});
