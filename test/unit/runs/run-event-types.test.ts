import { describe, expect, expectTypeOf, it } from 'vitest';
import type { FallbackEvent } from '../../../graphs/agentic-rag/events.js';
import type { ErrorCode } from '../../../src/errors.js';
import type { ResolversParentTypes } from '../../../src/graphql/generated/resolvers-types.js';
import {
  RUN_EVENT_TYPES,
  type RunEvent,
  type RunEventDraft,
  type RunEventOf,
} from '../../../src/runs/run-event.js';

// Checked by `npm run typecheck` (CI): a payload read by string keys, or a resolver given a
// loose record, does not compile.
describe('run events: one discriminated union from the graph to the resolvers', () => {
  it('gives each event type its own payload', () => {
    expectTypeOf<Extract<RunEvent, { type: 'TokenDelta' }>['payload']>().toEqualTypeOf<{
      text: string;
    }>();
    expectTypeOf<Extract<RunEventDraft, { type: 'ModelFallback' }>['payload']>().toEqualTypeOf<
      Omit<FallbackEvent, 'type'>
    >();
    expectTypeOf<
      Extract<RunEvent, { type: 'RunFailed' }>['payload']['code']
    >().toEqualTypeOf<ErrorCode>();

    // @ts-expect-error a TokenDelta carries text, not a node
    const wrong: RunEventDraft = { type: 'TokenDelta', payload: { node: 'grade' } };
    // @ts-expect-error a completed run carries its answer
    const empty: RunEventDraft = { type: 'RunCompleted', payload: {} };
    expect([wrong, empty]).toHaveLength(2);
  });

  it('hands each GraphQL event type its own event to resolve', () => {
    expectTypeOf<ResolversParentTypes['ModelFallback']>().toEqualTypeOf<
      RunEventOf<'ModelFallback'>
    >();
    expectTypeOf<ResolversParentTypes['RetrievalDone']>().toEqualTypeOf<
      RunEventOf<'RetrievalDone'>
    >();
    expectTypeOf<ResolversParentTypes['RunCompleted']>().toEqualTypeOf<
      RunEventOf<'RunCompleted'>
    >();
    expect(RUN_EVENT_TYPES).toContain('ModelFallback');
  });
});
