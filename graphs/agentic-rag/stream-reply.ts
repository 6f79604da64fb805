import { ModelCallError, OverlapTrimmer, type ChatRequest } from '../../src/models/index.js';
import { JsonStringFieldReader } from './answer-stream.js';
import type { GraphChatModel } from './deps.js';
import { fallbackReason } from './failover.js';
import type { FallbackReason } from './fallback-reasons.js';
import { ANSWER_OUTPUT } from './prompts.js';

/** How one streamed reply ended. `raw` includes the continued prefix, if any. */
export type ReplyOutcome =
  { ok: true; raw: string } | { ok: false; raw: string; reason: FallbackReason };

const streamEndedEarly = (model: string) =>
  new ModelCallError(model, { code: 'STREAM_CUT', retryable: false, countsAsFailure: true });

/**
 * Streams one JSON answer from one model and passes the decoded `answer` text to `onText` as
 * it arrives. With a `continuation` (the raw text a cut model had sent), the model continues
 * it: the part of its reply that repeats the end of the prefix is trimmed, and only new
 * answer text is passed on. A model failure is returned with the raw text so far; caller
 * cancellation and anything that is not a model failure are thrown.
 */
export async function streamReply(
  model: GraphChatModel,
  request: ChatRequest,
  continuation: string,
  onText: (text: string) => void,
): Promise<ReplyOutcome> {
  const reader = new JsonStringFieldReader();
  reader.push(continuation);
  const trimmer = continuation === '' ? undefined : new OverlapTrimmer(continuation);
  let raw = continuation;
  const accept = (text: string): void => {
    if (text === '') return;
    raw += text;
    const shown = reader.push(text);
    if (shown !== '') onText(shown);
  };
  try {
    for await (const event of model.stream(request, { structured: ANSWER_OUTPUT })) {
      if (event.type === 'token') {
        accept(trimmer ? trimmer.push(event.text) : event.text);
        continue;
      }
      accept(trimmer?.flush() ?? '');
      return { ok: true, raw };
    }
    throw streamEndedEarly(model.id);
  } catch (error) {
    const reason = fallbackReason(error, request.signal);
    if (reason === undefined) throw error;
    return { ok: false, raw, reason };
  }
}
