import { describe, expect, it } from 'vitest';
import { fallbackNode } from '../../../../../graphs/agentic-rag/nodes/fallback.js';
import type { ModelNode } from '../../../../../graphs/agentic-rag/index.js';
import type { FallbackReason } from '../../../../../graphs/agentic-rag/fallback-reasons.js';
import { fakeModel, fakeRouter, nodeDeps, recordingConfig, stateWith } from '../fakes.js';

const AT = '2026-01-01T00:00:00.000Z';
const chain = (open: string[] = []) =>
  fakeRouter(
    [
      fakeModel('primary', [{ tokens: [] }]).model,
      fakeModel('secondary', [{ tokens: [] }]).model,
      fakeModel('local', [{ tokens: [] }], { kind: 'local' }).model,
    ],
    { open },
  ).router;
const failed = (
  reason: FallbackReason,
  partialRaw = '',
  displayed = false,
  node: ModelNode = 'generate',
) =>
  stateWith({
    model: 'primary',
    corrections: 1,
    failure: { node, model: 'primary', reason, partialRaw, displayed },
  });

describe('fallback node', () => {
  it('moves to the next model, records the hop, and lets a model that can continue do so', async () => {
    const { events, config } = recordingConfig();
    const update = await fallbackNode(nodeDeps({ router: chain() }))(
      failed('STREAM_CUT', '{"answer": "Twenty', true),
      config,
    );
    expect(update).toEqual({
      model: 'secondary',
      hops: [
        {
          node: 'generate',
          fromModel: 'primary',
          toModel: 'secondary',
          reason: 'STREAM_CUT',
          at: AT,
        },
      ],
      failure: null,
      corrections: 0,
      continuation: '{"answer": "Twenty',
    });
    expect(events).toEqual([
      {
        type: 'fallback',
        node: 'generate',
        fromModel: 'primary',
        toModel: 'secondary',
        reason: 'STREAM_CUT',
        restart: false,
      },
    ]);
  });

  it('skips open circuits, recording each skipped model, and restarts on a model that cannot continue', async () => {
    const { events, config } = recordingConfig();
    const update = await fallbackNode(nodeDeps({ router: chain(['secondary']) }))(
      failed('STREAM_CUT', '{"answer": "Twenty', true),
      config,
    );
    expect(update).toMatchObject({
      model: 'local',
      hops: [
        { fromModel: 'primary', toModel: 'secondary', reason: 'STREAM_CUT' },
        { fromModel: 'secondary', toModel: 'local', reason: 'CIRCUIT_OPEN' },
      ],
    });
    expect(events.map((e) => (e.type === 'fallback' ? e.restart : null))).toEqual([false, true]);
  });

  it('hands a failed grade to the next model, as a hop of the grade node, appended to the run’s hops', async () => {
    const earlier = {
      node: 'rewrite' as const,
      fromModel: 'x',
      toModel: 'primary',
      reason: 'HTTP_500' as const,
      at: AT,
    };
    const { events, config } = recordingConfig();
    const update = await fallbackNode(nodeDeps({ router: chain() }))(
      { ...failed('INVALID_OUTPUT', '', false, 'grade'), hops: [earlier] },
      config,
    );
    expect(update).toMatchObject({
      model: 'secondary',
      failure: null,
      hops: [
        earlier,
        { node: 'grade', fromModel: 'primary', toModel: 'secondary', reason: 'INVALID_OUTPUT' },
      ],
    });
    expect(update).not.toHaveProperty('continuation');
    expect(events).toEqual([
      {
        type: 'fallback',
        node: 'grade',
        fromModel: 'primary',
        toModel: 'secondary',
        reason: 'INVALID_OUTPUT',
        restart: false,
      },
    ]);
  });

  it('with no model left, keeps the failure so the run goes to the last resort', async () => {
    const state = stateWith({
      model: 'local',
      failure: {
        node: 'generate',
        model: 'local',
        reason: 'UNSUPPORTED',
        partialRaw: '',
        displayed: false,
      },
    });
    const update = await fallbackNode(nodeDeps({ router: chain() }))(
      state,
      recordingConfig().config,
    );
    expect(update).toEqual({});
  });
});
