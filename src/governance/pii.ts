/**
 * The one PII redaction boundary of Ballast: documents at ingestion, questions when they are
 * asked ({@link redactTurn}, with the thread's placeholders), logs and traces all pass through
 * {@link redactPii}.
 */
export { containsPii, detectPii } from './pii/detect.js';
export { findPlaceholders, formatPlaceholder, type PlaceholderSpan } from './pii/placeholder.js';
export { emptyCounts, redactPii, type RedactOptions, type RedactionResult } from './pii/redact.js';
export { redactTurn } from './pii/redact-turn.js';
export { createRedactionSession, type RedactionSession } from './pii/session.js';
export { PII_TYPES, piiTypeSchema, type PiiMatch, type PiiType } from './pii/types.js';
