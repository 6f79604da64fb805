import type { z } from 'zod';
import { ModelCallError, failureOf } from '../failures.js';
import {
  correctionMessage,
  jsonInstruction,
  parseStructured,
  structuredSpecOf,
} from '../structured/json-output.js';
import type { ChatMessage, ChatRequest, ModelAttempt, StructuredOptions } from '../types.js';
import type { ChatModel } from './chat-model.js';
import { withSystemNote } from './system-note.js';

/** Default re-asks per model after an invalid structured reply. */
export const DEFAULT_MAX_CORRECTIONS = 2;

/**
 * The structured-output loop on one model: asks for JSON, validates with `schema` (always — a
 * provider's JSON mode is a hint, not a guarantee), and on failure re-asks with the model's reply
 * and the validation error appended, up to `maxCorrections` times. Every attempt goes to
 * `options.onAttempt`; an invalid reply turns its attempt into `invalid`/`INVALID_OUTPUT`.
 */
export async function generateStructuredOn<T>(
  model: ChatModel,
  schema: z.ZodType<T>,
  request: ChatRequest,
  options: StructuredOptions,
): Promise<T> {
  const maxCorrections = options.maxCorrections ?? DEFAULT_MAX_CORRECTIONS;
  const spec = structuredSpecOf(schema, options);
  let messages: ChatMessage[] = withSystemNote(request.messages, jsonInstruction(spec));
  for (let round = 0; ; round++) {
    // Held back until the reply is judged: the last attempt of an invalid reply is `invalid`.
    const attempts: ModelAttempt[] = [];
    const report = () => attempts.forEach((attempt) => options.onAttempt?.(attempt));
    let reply: string;
    try {
      reply = await model.generate(
        { ...request, messages },
        { structured: spec, onAttempt: (attempt) => attempts.push(attempt) },
      );
    } catch (error) {
      report();
      throw error;
    }
    const parsed = parseStructured(schema, reply);
    if (parsed.ok) {
      report();
      return parsed.value;
    }
    const last = attempts.at(-1);
    if (last)
      attempts[attempts.length - 1] = { ...last, outcome: 'invalid', reason: 'INVALID_OUTPUT' };
    report();
    if (round >= maxCorrections) throw new ModelCallError(model.id, failureOf('INVALID_OUTPUT'));
    messages = [
      ...messages,
      { role: 'assistant', content: reply },
      { role: 'user', content: correctionMessage(parsed.error) },
    ];
  }
}
