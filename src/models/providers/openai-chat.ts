import { ChatOpenAI, type ChatOpenAIFields } from '@langchain/openai';
import {
  AIMessage,
  HumanMessage,
  SystemMessage,
  type AIMessageChunk,
  type BaseMessage,
} from '@langchain/core/messages';
import type { RemoteChatEntry } from '../config-schema.js';
import type { ChatMessage, ChatRequest } from '../types.js';
import type {
  ChatProvider,
  ProviderChunk,
  ProviderStreamOptions,
  StructuredSpec,
} from './chat-provider.js';

/** Dependencies of {@link OpenAiChatProvider}. */
export interface OpenAiChatProviderDeps {
  /** HTTP client. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

interface RawDelta {
  choices?: { delta?: { refusal?: string | null } }[];
}

/**
 * Any OpenAI-compatible `/chat/completions` endpoint (OpenAI, Azure OpenAI, Ollama, vLLM,
 * llama.cpp server) through `ChatOpenAI` with `maxRetries: 0`: the model policy owns retries. It always
 * streams, so first-token and stall watchdogs apply to every call, structured ones included.
 */
export class OpenAiChatProvider implements ChatProvider {
  readonly kind = 'openai';
  readonly canContinue = true;
  readonly model: string;
  readonly #fields: ChatOpenAIFields;
  // ChatOpenAI takes max_tokens only at construction; one client per distinct limit, reused.
  readonly #clients = new Map<number | undefined, ChatOpenAI>();

  constructor(entry: RemoteChatEntry & { apiKey?: string }, deps: OpenAiChatProviderDeps = {}) {
    this.model = entry.model;
    this.#fields = {
      model: entry.model,
      // Keyless servers (Ollama, llama.cpp) still need a non-empty key for the SDK.
      apiKey: entry.apiKey ?? 'not-needed',
      maxRetries: 0,
      streamUsage: true,
      // The only way to see `delta.refusal` through ChatOpenAI's completions stream.
      __includeRawResponse: true,
      configuration: { baseURL: entry.baseURL, ...(deps.fetch ? { fetch: deps.fetch } : {}) },
    };
  }

  async *stream(
    request: ChatRequest,
    options: ProviderStreamOptions,
  ): AsyncIterable<ProviderChunk> {
    const client = this.#client(request.maxOutputTokens);
    const stream = await client.stream(request.messages.map(toLangChainMessage), {
      signal: options.signal,
      ...(options.structured ? { response_format: responseFormat(options.structured) } : {}),
    });
    for await (const chunk of stream) yield* toProviderChunks(chunk);
  }

  #client(maxTokens: number | undefined): ChatOpenAI {
    let client = this.#clients.get(maxTokens);
    if (client === undefined) {
      client = new ChatOpenAI({
        ...this.#fields,
        ...(maxTokens === undefined ? {} : { maxTokens }),
      });
      this.#clients.set(maxTokens, client);
    }
    return client;
  }
}

function toLangChainMessage({ role, content }: ChatMessage): BaseMessage {
  if (role === 'system') return new SystemMessage(content);
  if (role === 'assistant') return new AIMessage(content);
  return new HumanMessage(content);
}

function* toProviderChunks(chunk: AIMessageChunk): Generator<ProviderChunk> {
  const refusal = (chunk.additional_kwargs.__raw_response as RawDelta | undefined)?.choices?.[0]
    ?.delta?.refusal;
  if (typeof refusal === 'string' && refusal !== '') yield { type: 'refusal', text: refusal };
  if (typeof chunk.content === 'string' && chunk.content !== '')
    yield { type: 'text', text: chunk.content };
  const usage = chunk.usage_metadata;
  if (usage)
    yield {
      type: 'usage',
      usage: { inputTokens: usage.input_tokens, outputTokens: usage.output_tokens },
    };
  const metadata = chunk.response_metadata as { finish_reason?: unknown; model_name?: unknown };
  const finish = metadata.finish_reason;
  if (typeof finish === 'string') {
    const model = metadata.model_name;
    yield typeof model === 'string' && model !== ''
      ? { type: 'finish', reason: finish, model }
      : { type: 'finish', reason: finish };
  }
}

function responseFormat(spec: StructuredSpec) {
  // strict: false — strict mode rejects common zod shapes (optional fields); we validate anyway.
  return spec.jsonSchema === undefined
    ? { type: 'json_object' as const }
    : {
        type: 'json_schema' as const,
        json_schema: { name: spec.name, schema: spec.jsonSchema, strict: false },
      };
}
