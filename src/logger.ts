import {
  pino,
  stdSerializers,
  type DestinationStream,
  type Logger,
  type LoggerOptions,
} from 'pino';
import { redactPii } from './governance/pii.js';
import { traceLogFields } from './telemetry/log-mixin.js';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** pino level. Default: `'info'`. */
  level?: string;
  /** Where lines go. Default: standard output. */
  destination?: DestinationStream;
}

// An error's message can quote what a client sent (a value that failed to cast or validate).
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = stdSerializers.err(error);
  return {
    ...serialized,
    message: redactPii(serialized.message).text,
    ...(serialized.stack ? { stack: redactPii(serialized.stack).text } : {}),
  };
}

/**
 * Structured JSON logger: one line per event, with the `trace_id` and `span_id` of the active
 * span when there is one. Callers log ids, counts and codes only — never raw user text
 * (questions, documents, answers); error messages (`err`) are PII-redacted as a safety net.
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const config: LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: 'ballast' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: traceLogFields,
    serializers: { err: serializeError },
    redact: {
      paths: ['*.apiKey', '*.authorization', 'headers.authorization'],
      censor: '[REDACTED]',
    },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}

/** A logger that writes nothing, for tests and library defaults. */
export const silentLogger: Logger = pino({ level: 'silent' });

export type { Logger };
