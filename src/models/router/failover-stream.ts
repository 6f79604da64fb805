import type { Logger } from '../../logger.js';
import { recordFallback } from '../../telemetry/index.js';
import { toModelCallError, type ModelCallError } from '../failures.js';
import type { ChatRequest, ChatStreamEvent, ModelAttempt, TokenUsage } from '../types.js';
import type { ChatModel } from './chat-model.js';
import { addUsage } from './stream-attempt.js';
import { cancelled, chainExhausted } from './chain-errors.js';
import { OverlapTrimmer, continuationMessages } from './continuation.js';

/**
 * Streams one answer along the chain. A model is skipped without a request while its circuit is
 * open, and left for the next one on any failure its own retries did not fix. A stream that
 * breaks after it started continues on the next model (the partial answer is sent as a trailing
 * assistant message; any repeated overlap is trimmed), so the `token` texts concatenate to
 * `result.text`. If the next model cannot continue (the local one), the `fallback` event says
 * `restart: true` and the answer starts over. Caller cancellation ends everything with
 * `CANCELLED`; a chain with no model left throws `MODEL_UNAVAILABLE` — never a truncated answer.
 */
export async function* streamWithFailover(
  chain: readonly ChatModel[],
  request: ChatRequest,
  logger: Logger,
): AsyncGenerator<ChatStreamEvent> {
  const attempts: ModelAttempt[] = [];
  const fallbackPath: string[] = [];
  let text = '';
  let usage: TokenUsage | undefined;
  let lastFailure: ModelCallError | undefined;

  for (const [index, model] of chain.entries()) {
    const previous = chain[index - 1];
    if (previous !== undefined && lastFailure !== undefined) {
      const restart = text !== '' && !model.canContinue;
      if (restart) text = '';
      const reason = lastFailure.failure.code;
      logger.warn(
        { event: 'model_fallback', fromModel: previous.id, toModel: model.id, reason, restart },
        'model fallback',
      );
      recordFallback({ fromModel: previous.id, toModel: model.id, reason, restart });
      yield { type: 'fallback', fromModel: previous.id, toModel: model.id, reason, restart };
    }
    fallbackPath.push(model.id);
    const trimmer = text === '' ? undefined : new OverlapTrimmer(text);
    const modelRequest =
      text === ''
        ? request
        : { ...request, messages: continuationMessages(request.messages, text) };
    try {
      for await (const event of model.stream(modelRequest, {
        onAttempt: (attempt) => attempts.push(attempt),
      })) {
        if (event.type === 'done') {
          if (event.usage) usage = addUsage(usage, event.usage);
          continue;
        }
        const out = trimmer ? trimmer.push(event.text) : event.text;
        if (out === '') continue;
        text += out;
        yield { type: 'token', text: out, model: model.id };
      }
      const rest = trimmer?.flush() ?? '';
      if (rest !== '') {
        text += rest;
        yield { type: 'token', text: rest, model: model.id };
      }
      const result = { text, model: model.id, fallbackPath, attempts };
      yield { type: 'done', result: usage === undefined ? result : { ...result, usage } };
      return;
    } catch (error) {
      const failure = toModelCallError(model.id, error, { cancelled: false, outputStarted: false });
      if (failure.failure.code === 'CANCELLED' || request.signal?.aborted) throw cancelled(failure);
      // Text held back by the trimmer was never shown: it is lost with the failed model.
      lastFailure = failure;
    }
  }
  throw chainExhausted(lastFailure, fallbackPath, attempts);
}
