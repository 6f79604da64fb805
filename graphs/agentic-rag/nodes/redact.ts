import { AppError } from '../../../src/errors.js';
import type { Logger } from '../../../src/logger.js';
import { redactQuestion } from '../conversation.js';
import { defineNode } from '../define-node.js';
import { RUN_DEFAULTS } from '../state.js';
import { runInputSchema } from '../state-schemas.js';

const RUN_KEYS = Object.keys(RUN_DEFAULTS) as (keyof typeof RUN_DEFAULTS)[];

/**
 * `redact` opens a run: it checks the input, replaces PII in the question with placeholders
 * (the ingestion redactor; numbers already used in the thread are not reused) and resets every
 * per-run field. Every later node, and every later checkpoint, sees only the redacted question.
 */
export function redactNode(deps: { logger: Logger }) {
  return defineNode('redact', [...RUN_KEYS, 'question'], async (state) => {
    const input = runInputSchema.safeParse(state);
    if (!input.success) {
      const field = input.error.issues[0]?.path.join('.');
      throw new AppError('BAD_USER_INPUT', `invalid run input: ${field}`, { details: { field } });
    }
    const redacted = redactQuestion(input.data.question, state.history);
    if (redacted.matches > 0) {
      deps.logger.info({ event: 'question_redacted', entities: redacted.matches }, 'pii redacted');
    }
    return { ...RUN_DEFAULTS, question: redacted.text, piiRedacted: redacted.matches };
  });
}
