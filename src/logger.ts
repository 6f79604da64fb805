import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** pino level. Default: `'info'`. */
  level?: string;
  /** Where lines go. Default: standard output. */
  destination?: DestinationStream;
}

/**
 * Structured JSON logger: one line per event. Callers log ids, counts and codes only —
 * never raw user text (questions, documents, answers).
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const config: LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: 'ballast' },
    timestamp: pino.stdTimeFunctions.isoTime,
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
