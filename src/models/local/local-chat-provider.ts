import { ModelCallError, failureOf } from '../failures.js';
import type {
  ChatProvider,
  ProviderChunk,
  ProviderStreamOptions,
} from '../providers/chat-provider.js';
import type { ChatRequest } from '../types.js';
import { answerFromContext } from './extractive-answerer.js';
import { DEFAULT_LOCAL_RESPONDERS, type LocalResponders } from './structured-responders.js';

/**
 * The offline chat model and last resort of every chain. Plain calls stream an extractive answer
 * (`question` + `context`, `messages` are ignored) word by word. Structured calls are answered by
 * the responder of `structured.task` as JSON text, validated like any model's; without a task it
 * fails with `UNSUPPORTED`. It cannot continue another model's text, so a
 * mid-stream failover onto it restarts the answer.
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
    if (options.structured !== undefined) {
      const task = options.structured.task;
      if (task === undefined) throw new ModelCallError(this.#id, failureOf('UNSUPPORTED'));
      yield { type: 'text', text: JSON.stringify(this.#responders[task](input)) };
    } else {
      for (const word of answerFromContext(input.question, input.context).text.match(/\S+\s*/gu) ??
        []) {
        options.signal.throwIfAborted();
        yield { type: 'text', text: word };
      }
    }
    yield { type: 'finish', reason: 'stop' };
  }
}
