import { describe, expect, it } from 'vitest';
import { rewriteNode } from '../../../../../graphs/agentic-rag/nodes/rewrite.js';
import { fakeModel, fakeRouter, nodeDeps, recordingConfig, stateWith } from '../fakes.js';

describe('rewrite node', () => {
  const routerReplying = (query: string) =>
    fakeRouter([fakeModel('primary', [{ tokens: [] }]).model], { structured: () => ({ query }) });

  it('replaces the query and counts the loop', async () => {
    const { router, structuredCalls } = routerReplying('  annual leave entitlement days ');
    const update = await rewriteNode(nodeDeps({ router }))(
      stateWith({ query: 'leave', rewrites: 1 }),
      recordingConfig().config,
    );
    expect(update).toEqual({
      query: 'annual leave entitlement days',
      rewrites: 2,
      usage: { inputTokens: 10, outputTokens: 2 },
    });
    expect(structuredCalls[0]?.options).toEqual({ task: 'rewrite' });
    expect(structuredCalls[0]?.request.messages.at(-1)?.content).toContain('Search query: leave');
  });

  it('keeps the previous query when the rewrite is blank', async () => {
    const { router } = routerReplying('   ');
    const update = await rewriteNode(nodeDeps({ router }))(
      stateWith({ query: 'leave' }),
      recordingConfig().config,
    );
    expect(update).not.toHaveProperty('query');
  });
});
