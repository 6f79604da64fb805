/**
 * Reply to a request that asks for no JSON when a model has no scripted `reply` or `json`.
 * A request that asks for JSON (structured output, a tool call) gets a valid JSON reply
 * instead: see `default-reply.ts`.
 */
export const DEFAULT_REPLY = 'This is the fake model answering.';

/**
 * How the fake server answers one request for a model. Fields combine: delays apply before an
 * error status; a fault (`status`, `hang`, `cutAfterTokens`, …) replaces the normal answer.
 */
export interface FakeBehaviour {
  /** Reply text. Default: a reply valid for the request (`default-reply.ts`). */
  reply?: string;
  /** Reply with this value as JSON text (structured output). Wins over `reply`. */
  json?: unknown;
  /** Reply with text that is not valid JSON. Wins over `json` and `reply`. */
  invalidJson?: boolean;
  /** Refuse (OpenAI `refusal` field, no content) with this text. */
  refusal?: string;
  /** Delay before the response starts, in ms. Default: 0. */
  latencyMs?: number;
  /** Streaming: delay before the first token, in ms. Default: 0. */
  firstTokenDelayMs?: number;
  /** Streaming: delay between tokens, in ms. Default: 0. */
  tokenDelayMs?: number;
  /** Answer with this HTTP error status (e.g. 429, 500, 503). */
  status?: number;
  /** `Retry-After` header sent with `status`. */
  retryAfter?: string;
  /** Never answer; the request stays open until the client aborts. */
  hang?: boolean;
  /** Streaming: send this many tokens, then destroy the socket. */
  cutAfterTokens?: number;
  /** Streaming: send this many tokens, then go silent with the connection open. */
  hangAfterTokens?: number;
  /** On a continuation request, start the remainder this many characters early (a repeat). */
  continuationOverlap?: number;
  /** Embeddings: answer with vectors of this size, whatever the request asked for. */
  embeddingDimensions?: number;
}

/**
 * Per-model scripts. A single behaviour applies to every request; a list is a queue, one entry
 * per request, whose last entry then applies to every further request.
 */
export class BehaviourBook {
  readonly #queues = new Map<string, FakeBehaviour[]>();

  script(model: string, behaviour: FakeBehaviour | readonly FakeBehaviour[]): void {
    const queue = Array.isArray(behaviour)
      ? [...(behaviour as FakeBehaviour[])]
      : [behaviour as FakeBehaviour];
    if (queue.length === 0) throw new Error('script needs at least one behaviour');
    this.#queues.set(model, queue);
  }

  /** The behaviour for the next request to `model` (default: answer normally). */
  next(model: string): FakeBehaviour {
    const queue = this.#queues.get(model);
    if (queue === undefined) return {};
    return (queue.length > 1 ? queue.shift() : queue[0]) ?? {};
  }

  models(): string[] {
    return [...this.#queues.keys()];
  }

  reset(): void {
    this.#queues.clear();
  }
}
