import { EventEmitter } from 'node:events';
import { createContextKey, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { UsageMeter, currentRunScope, withRunScope } from '../../../src/telemetry/run-usage.js';
import { SharedContextManager } from '../../../src/telemetry/shared-context-manager.js';

const SPAN_CONTEXT = { traceId: '1'.repeat(32), spanId: '2'.repeat(16), traceFlags: 1 };
const scope = { runId: 'run-1', threadId: 'thread-1', usage: new UsageMeter() };
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('SharedContextManager', () => {
  const manager = new SharedContextManager().enable();

  it('sees the run scope, and a run scope sees the spans, across awaits', async () => {
    const inSpan = trace.setSpanContext(ROOT_CONTEXT, SPAN_CONTEXT);
    await manager.with(inSpan, async () => {
      await withRunScope(scope, async () => {
        await tick();
        // OpenTelemetry's context is the run's: the span set outside is still current inside.
        expect(trace.getSpanContext(manager.active())).toEqual(SPAN_CONTEXT);
        const child = trace.setSpanContext(manager.active(), {
          ...SPAN_CONTEXT,
          spanId: '3'.repeat(16),
        });
        await manager.with(child, async () => {
          await tick();
          // A span started inside the run keeps the run's scope.
          expect(currentRunScope()).toBe(scope);
          expect(trace.getSpanContext(manager.active())?.spanId).toBe('3'.repeat(16));
        });
      });
    });
    expect(currentRunScope()).toBeUndefined();
    expect(manager.active()).toBe(ROOT_CONTEXT);
  });

  it('binds functions and event emitters to a context', async () => {
    const key = createContextKey('test');
    const bound = manager.bind(ROOT_CONTEXT.setValue(key, 'bound'), () =>
      manager.active().getValue(key),
    );
    expect(bound()).toBe('bound');
    const emitter = manager.bind(ROOT_CONTEXT.setValue(key, 'emitter'), new EventEmitter());
    const heard = new Promise((resolve) =>
      emitter.on('ping', () => resolve(manager.active().getValue(key))),
    );
    await manager.with(ROOT_CONTEXT.setValue(key, 'caller'), async () => emitter.emit('ping'));
    await expect(heard).resolves.toBe('emitter');
  });

  it('attaches a context until the token is disposed', () => {
    const key = createContextKey('test');
    const before = manager.active();
    const token = manager.attach(ROOT_CONTEXT.setValue(key, 'attached'));
    expect(manager.active().getValue(key)).toBe('attached');
    token.dispose();
    token.dispose();
    expect(manager.active()).toBe(before);
  });

  it('keeps the store working after the SDK disables it: run scopes need it without telemetry', async () => {
    manager.disable();
    await withRunScope(scope, async () => {
      await tick();
      expect(currentRunScope()).toBe(scope);
    });
  });
});
