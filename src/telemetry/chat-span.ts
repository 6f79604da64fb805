import { SpanKind, context, trace, type Attributes } from '@opentelemetry/api';
import type { ChatMessage, ChatRequest, ProviderKind, TokenUsage } from '../models/types.js';
import { costOf, FREE, type ModelPrice } from './cost.js';
import { instruments } from './instruments.js';
import { currentRunScope } from './run-usage.js';
import { BALLAST, ERROR_TYPE, GEN_AI, providerName } from './semconv.js';
import { capturingContent, contentValue } from './settings.js';
import { errorType, failSpan, tracer } from './tracer.js';

/** What a `chat` span says about its model. */
export interface TracedChatModel {
  /** Model id from the configuration. */
  id: string;
  provider: { readonly kind: ProviderKind; readonly model: string };
  /** Price from the models config; local models are free. Default: unknown. */
  price?: ModelPrice | undefined;
}

/** How a chat attempt ended, as `streamAttempt` reports it. */
export interface ChatAttemptOutcome {
  usage?: TokenUsage;
  /** The provider's finish reason and, when it said, the model that answered. */
  finish?: { reason: string; model?: string };
}

/** Which attempt of a call this is. */
export interface ChatAttemptInfo {
  /** 0 for the first request, 1 for the first retry… */
  attempt: number;
  /** JSON output was requested. */
  structured: boolean;
}

function messagesValue(messages: readonly ChatMessage[]): string {
  return JSON.stringify(
    messages.map((m) => ({
      role: m.role,
      parts: [{ type: 'text', content: contentValue(m.content) }],
    })),
  );
}

/**
 * One `chat {model}` span (GenAI conventions) around one request to one model, with the token
 * usage, finish reason, time to first chunk, cost and `gen_ai.conversation.id` (the run's
 * thread); the HTTP request to the provider nests under it. Also records the duration and token
 * metrics and adds the request to the current run's usage. `run` gets a callback to call on each
 * token. Prompts and output are recorded only with content capture on, redacted.
 */
export async function traceChatAttempt<T extends ChatAttemptOutcome>(
  model: TracedChatModel,
  request: ChatRequest,
  info: ChatAttemptInfo,
  run: (onToken: (text: string) => void) => Promise<T>,
): Promise<T> {
  const scope = currentRunScope();
  const requestModel = model.provider.model;
  const price = model.provider.kind === 'local' ? FREE : model.price;
  const labels: Attributes = {
    [GEN_AI.operationName]: 'chat',
    [GEN_AI.providerName]: providerName(model.provider.kind),
    [GEN_AI.requestModel]: requestModel,
    [BALLAST.modelId]: model.id,
  };
  const capture = capturingContent();
  const span = tracer().startSpan(`chat ${requestModel}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      ...labels,
      [BALLAST.attempt]: info.attempt,
      ...(info.structured ? { [GEN_AI.outputType]: 'json' } : {}),
      ...(request.maxOutputTokens ? { [GEN_AI.requestMaxTokens]: request.maxOutputTokens } : {}),
      ...(scope ? { [GEN_AI.conversationId]: scope.threadId } : {}),
      ...(capture ? { [GEN_AI.inputMessages]: messagesValue(request.messages) } : {}),
    },
  });
  const started = performance.now();
  let firstToken: number | undefined;
  let output = '';
  const onToken = (text: string) => {
    firstToken ??= performance.now();
    if (capture) output += text;
  };
  const { modelDuration, modelTokens, modelCost } = instruments();
  try {
    const outcome = await context.with(trace.setSpan(context.active(), span), () => run(onToken));
    const { usage, finish } = outcome;
    const cost = usage ? costOf(usage, price) : undefined;
    span.setAttributes({
      [GEN_AI.responseModel]: finish?.model ?? requestModel,
      ...(finish ? { [GEN_AI.responseFinishReasons]: [finish.reason] } : {}),
      ...(firstToken === undefined
        ? {}
        : { [GEN_AI.responseTimeToFirstChunk]: (firstToken - started) / 1000 }),
      ...(usage
        ? {
            [GEN_AI.usageInputTokens]: usage.inputTokens,
            [GEN_AI.usageOutputTokens]: usage.outputTokens,
          }
        : {}),
      ...(cost === undefined ? {} : { [BALLAST.costUsd]: cost }),
      ...(capture
        ? {
            [GEN_AI.outputMessages]: JSON.stringify([
              { role: 'assistant', parts: [{ type: 'text', content: contentValue(output) }] },
            ]),
          }
        : {}),
    });
    scope?.usage.add(model.id, usage, cost);
    modelDuration.record((performance.now() - started) / 1000, labels);
    if (usage) {
      modelTokens.record(usage.inputTokens, { ...labels, [GEN_AI.tokenType]: 'input' });
      modelTokens.record(usage.outputTokens, { ...labels, [GEN_AI.tokenType]: 'output' });
    }
    if (cost) modelCost.add(cost, { [BALLAST.modelId]: model.id });
    return outcome;
  } catch (error) {
    failSpan(span, error);
    scope?.usage.add(model.id, undefined, undefined);
    modelDuration.record((performance.now() - started) / 1000, {
      ...labels,
      [ERROR_TYPE]: errorType(error),
    });
    throw error;
  } finally {
    span.end();
  }
}
