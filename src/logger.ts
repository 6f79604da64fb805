import { format } from 'node:util';
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

const CONSOLE_LEVELS = {
  log: 'info',
  info: 'info',
  debug: 'debug',
  trace: 'trace',
  warn: 'warn',
  error: 'error',
} as const;
let routedTo: Logger | undefined;

/**
 * Makes `logger` the process's only voice, for the entry point (`main.ts`), not libraries:
 * `console.*` (dependencies that print: PGlite, graphql-ws) becomes a log line of the matching
 * level; process warnings (deprecations, MaxListeners) a `warn` line instead of Node's text on
 * standard error; an uncaught exception or unhandled rejection one `fatal` line, then exit 1 as
 * Node would. Calling it again moves all of it to the new logger.
 */
export function routeProcessOutputToLogger(logger: Logger): void {
  const first = routedTo === undefined;
  routedTo = logger;
  if (!first) return;
  const current = () => routedTo ?? logger;
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
      current()[level]({ source: 'console' }, redactPii(format(...args)).text);
  }
  // Node's own listener prints warnings as plain text; a listener of ours alone does not stop it.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    const { name, code } = warning as Error & { code?: unknown };
    current().warn(
      { warning: { name, ...(typeof code === 'string' ? { code } : {}) } },
      warning.message,
    );
  });
  const die = (origin: string) => (error: unknown) => {
    current().fatal({ err: error, origin }, `${origin}: ${redactPii(oneLine(error)).text}`);
    process.exit(1);
  };
  process.on('uncaughtException', die('uncaught exception'));
  process.on('unhandledRejection', die('unhandled rejection'));
}

/**
 * Logs why the process could not start as one `fatal` line, then exits 1. An error that
 * explains itself — one with a string `code` (a database that refuses, a port in use, a lock
 * held, an `AppError`) or a list of `issues` (the configuration) — is logged as its message and
 * code, without a stack; anything else is a bug and keeps its stack in `err`.
 */
export function exitOnStartupFailure(logger: Logger, error: unknown): never {
  const { code, issues } = (error ?? {}) as { code?: unknown; issues?: unknown };
  if (typeof code === 'string') {
    logger.fatal({ code }, oneLine(error));
  } else if (Array.isArray(issues)) {
    logger.fatal({ issues }, oneLine(error));
  } else {
    logger.fatal({ err: error }, `could not start: ${redactPii(oneLine(error)).text}`);
  }
  process.exit(1);
}

// "Invalid configuration:\n  - PORT: …\n  - HOST: …" → "Invalid configuration: PORT: …; HOST: …".
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const [head = '', ...rest] = text
    .split('\n')
    .map((line) => line.trim().replace(/^- /, ''))
    .filter((line) => line.length > 0);
  return rest.length > 0 ? `${head} ${rest.join('; ')}` : head;
}

export type { Logger };
