import { describe, expect, it } from 'vitest';
import { isAgenticRagEvent } from '../../../../graphs/agentic-rag/index.js';

describe('isAgenticRagEvent', () => {
  it('accepts the three event types of the contract', () => {
    expect(isAgenticRagEvent({ type: 'token', text: 'Hi', model: 'primary' })).toBe(true);
    expect(
      isAgenticRagEvent({
        type: 'fallback',
        node: 'generate',
        fromModel: 'primary',
        toModel: 'local',
        reason: 'STREAM_CUT',
        restart: true,
      }),
    ).toBe(true);
    expect(isAgenticRagEvent({ type: 'retrieval', query: 'leave', chunkIds: ['k1'] })).toBe(true);
  });

  it('rejects anything else another writer might put on the custom stream', () => {
    expect(isAgenticRagEvent({ type: 'token', text: '', model: 'primary' })).toBe(false);
    expect(isAgenticRagEvent({ type: 'fallback', fromModel: 'a', toModel: 'b' })).toBe(false);
    expect(
      isAgenticRagEvent({
        type: 'fallback',
        node: 'respond',
        fromModel: 'a',
        toModel: 'b',
        reason: 'HTTP_503',
        restart: false,
      }),
    ).toBe(false);
    expect(isAgenticRagEvent({ type: 'progress', value: 1 })).toBe(false);
    expect(isAgenticRagEvent('token')).toBe(false);
  });
});
