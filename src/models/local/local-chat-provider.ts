import { setImmediate as nextTurn } from 'node:timers/promises';
import { ModelCallError, failureOf } from '../failures.js';
import type {
  ChatProvider,
  ProviderChunk,
  ProviderStreamOptions,
} from '../providers/chat-provider.js';
import type { ChatRequest } from '../types.js';
import { answerFromContext } from './extractive-answerer.js';
import { DEFAULT_LOCAL_RESPONDERS, type LocalResponders } from './structured-responders.js';
import { wordPieces } from './word-pieces.js';

/**
 * The offline chat model and last resort of every chain. Plain calls answer extractively
 * (`question` + `context`, `messages` are ignored). Structured calls are answered by the
 * responder of `structured.task` as JSON text, validated like any model's; without a task it
 * fails with `UNSUPPORTED`. Either way the text streams word by word, one turn of the event loop
 * per word and no added delay, so the graph shows a JSON answer's text as it arrives, as it does
 * a remote model's. It cannot continue another model's text, so a mid-stream failover onto it
 * restarts the answer.
 */
export class LocalChatProvider implements ChatProvider {
  readonly kind = 'local';
  readonly model = 'extractive-v1';
  readonly canContinue = false;
  readonly #id: string;
  readonly #responders: LocalResponders;

  /** `responders` default: grade, rewrite and answer from `structured-responders.ts`. */
  constructor(id: string, responders: LocalResponders = DEFAULT_LOCAL_RESPONDERS) {
    this.#id = id;
    this.#responders = responders;
  }

  async *stream(
    request: ChatRequest,
    options: ProviderStreamOptions,
  ): AsyncIterable<ProviderChunk> {
    const input = { question: request.question, context: request.context };
    let text: string;
    if (options.structured !== undefined) {
      const task = options.structured.task;
      if (task === undefined) throw new ModelCallError(this.#id, failureOf('UNSUPPORTED'));
      text = JSON.stringify(this.#responders[task](input));
    } else text = answerFromContext(input.question, input.context).text;
    for (const piece of wordPieces(text)) {
      // A turn of the event loop per word: other requests go on while the answer streams.
      await nextTurn();
      options.signal.throwIfAborted();
      yield { type: 'text', text: piece };
    }
    yield { type: 'finish', reason: 'stop' };
  }
}
