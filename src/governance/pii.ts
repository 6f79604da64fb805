/**
 * The one PII redaction boundary of Ballast: documents at ingestion, questions in the graph,
 * retrieved chunks, logs and traces all pass through {@link redactPii}.
 */
export { containsPii, detectPii } from './pii/detect.js';
export { findPlaceholders, formatPlaceholder, type PlaceholderSpan } from './pii/placeholder.js';
export { emptyCounts, redactPii, type RedactOptions, type RedactionResult } from './pii/redact.js';
export { createRedactionSession, type RedactionSession } from './pii/session.js';
export { PII_TYPES, type PiiMatch, type PiiType } from './pii/types.js';
