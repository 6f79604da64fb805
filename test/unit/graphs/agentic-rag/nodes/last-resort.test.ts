import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../../../graphs/agentic-rag/index.js';
import { lastResortNode } from '../../../../../graphs/agentic-rag/nodes/last-resort.js';
import { EARLIER_TURN, fakeCache, hitOf, nodeDeps, recordingConfig, stateWith } from '../fakes.js';

const hops = [
  {
    node: 'generate' as const,
    fromModel: 'primary',
    toModel: 'local',
    reason: 'HTTP_503' as const,
    at: new Date(0).toISOString(),
  },
];
const exhausted = stateWith({
  hops,
  questionEmbedding: [1, 0, 0],
  failure: {
    node: 'generate',
    model: 'local',
    reason: 'UNSUPPORTED',
    partialRaw: '',
    displayed: false,
  },
});
const USAGE = { inputTokens: 40, outputTokens: 0 };

describe('lastResort node', () => {
  it('serves a similar cached answer at the lower last-resort threshold, with the run’s usage', async () => {
    const { cache, similarCalls } = fakeCache({ similar: hitOf('From the cache.', 0.88) });
    const deps = nodeDeps({ cache, runUsage: () => USAGE, now: () => new Date(1000) });
    const { events, config } = recordingConfig();
    const update = await lastResortNode(deps)(exhausted, config);
    const hop = {
      node: 'generate',
      fromModel: 'local',
      toModel: 'primary',
      reason: 'UNSUPPORTED',
    } as const;
    expect(update).toEqual({
      answer: {
        text: 'From the cache.',
        citations: [{ chunkId: 'k1', documentId: 'd1' }],
        model: 'primary',
        fallbackPath: ['primary', 'local', 'primary'],
        cached: true,
        grounded: true,
        usage: USAGE,
      },
      hops: [...hops, { ...hop, at: new Date(1000).toISOString() }],
    });
    expect(events).toEqual([
      { type: 'fallback', ...hop, restart: false },
      { type: 'token', text: 'From the cache.', model: 'primary' },
    ]);
    expect(similarCalls).toEqual([{ minSimilarity: DEFAULT_LIMITS.lastResortSimilarity }]);
  });

  it('restarts the text shown when the local model streamed an answer it could not ground', async () => {
    const { cache } = fakeCache({ similar: hitOf('From the cache.', 0.88) });
    const refused = stateWith({
      hops,
      questionEmbedding: [1, 0, 0],
      answer: {
        text: 'I cannot answer this.',
        citations: [],
        model: 'local',
        fallbackPath: ['primary', 'local'],
        cached: false,
        grounded: false,
      },
    });
    const { events, config } = recordingConfig();
    const update = await lastResortNode(nodeDeps({ cache }))(refused, config);
    expect(update.answer).toMatchObject({ text: 'From the cache.', cached: true });
    expect(events).toEqual([
      expect.objectContaining({ type: 'fallback', fromModel: 'local', toModel: 'primary' }),
      { type: 'token', text: 'From the cache.', model: 'primary' },
    ]);
    expect(events[0]).toMatchObject({ reason: 'UNGROUNDED', restart: true });
  });

  it('fails with MODEL_UNAVAILABLE, the path and the reasons, when nothing is cached', async () => {
    await expect(
      lastResortNode(nodeDeps())(exhausted, recordingConfig().config),
    ).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      details: { fallbackPath: ['primary', 'local'], reasons: ['HTTP_503', 'UNSUPPORTED'] },
    });
  });

  it('does not consult the cache for follow-up turns', async () => {
    const { cache, similarCalls } = fakeCache({ similar: hitOf('x') });
    await expect(
      lastResortNode(nodeDeps({ cache }))(
        { ...exhausted, history: EARLIER_TURN },
        recordingConfig().config,
      ),
    ).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    expect(similarCalls).toEqual([]);
  });
});
