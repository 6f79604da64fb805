import { ModelCallError, failureOf, toModelCallError } from '../failures.js';
import type { ChatProvider, StructuredSpec } from '../providers/chat-provider.js';
import type { AttemptContext } from '../resilience/model-policy.js';
import { linkSignals } from '../resilience/signals.js';
import { StreamWatchdog } from '../resilience/stream-watchdog.js';
import type { ChatRequest, TokenUsage } from '../types.js';

/** The model side of one streamed attempt. */
export interface StreamAttemptModel {
  id: string;
  provider: ChatProvider;
  firstTokenTimeoutMs: number;
  stallTimeoutMs: number;
}

/**
 * One streamed attempt: forwards each token to `onToken` under the first-token and stall
 * watchdogs, and accepts the stream only if it ended with a finish reason — a stream that just
 * stops is cut, never complete. Failures are classified knowing whether output had started.
 * Resolves with the usage the provider reported and how it finished, for the `chat` span, which
 * is where usage is counted (see `telemetry/run-usage.ts`).
 */
export async function streamAttempt(
  model: StreamAttemptModel,
  request: ChatRequest,
  structured: StructuredSpec | undefined,
  { signal, callerSignal }: AttemptContext,
  onToken: (text: string) => void,
): Promise<{ usage?: TokenUsage; finish?: { reason: string; model: string | undefined } }> {
  const watchdog = new StreamWatchdog(model.firstTokenTimeoutMs, model.stallTimeoutMs);
  const attemptSignal = linkSignals([signal, watchdog.signal]);
  let started = false;
  let finish: { reason: string; model: string | undefined } | undefined;
  let refused = false;
  let usage: TokenUsage | undefined;
  try {
    const chunks = model.provider.stream(request, {
      signal: attemptSignal.signal,
      ...(structured ? { structured } : {}),
    });
    for await (const chunk of chunks) {
      if (chunk.type === 'text') {
        watchdog.tokenArrived();
        started = true;
        onToken(chunk.text);
      } else if (chunk.type === 'refusal') refused = true;
      else if (chunk.type === 'usage') usage = chunk.usage;
      else finish = { reason: chunk.reason, model: chunk.model };
    }
    // ChatOpenAI ends a stream quietly when its signal aborts: never take that as complete.
    attemptSignal.signal.throwIfAborted();
    if (refused) throw new ModelCallError(model.id, failureOf('REFUSAL'));
    if (!finish) {
      throw new ModelCallError(model.id, failureOf(started ? 'STREAM_CUT' : 'CONNECTION'));
    }
    return usage === undefined ? { finish } : { usage, finish };
  } catch (error) {
    const cause = watchdog.signal.aborted ? watchdog.signal.reason : error;
    throw toModelCallError(model.id, cause, {
      cancelled: callerSignal.aborted,
      outputStarted: started,
    });
  } finally {
    watchdog.dispose();
    attemptSignal.dispose();
  }
}
