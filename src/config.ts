import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { JwtSettings } from './auth/jwt.js';
import { DEFAULT_MODELS_CONFIG, parseModelsConfig, type ModelsConfig } from './models/config.js';
import { EXPLORER_MODES, type ExplorerMode } from './server/explorer/mode.js';
import { DEFAULT_TOKENS_RESERVED_PER_RUN, type RateLimitSettings } from './security/rate-limits.js';
import { DEFAULT_FILE_MAX_BYTES } from './files/file-row.js';
import { DEFAULT_URL_FETCH, type UrlFetchPolicy } from './files/url-policy.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  // At least 2: schema set-up holds one connection under a lock while it works on another.
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(10),
  BALLAST_DATA_DIR: z.string().min(1).default('./.ballast'),
  BALLAST_CONFIG: z.string().min(1).optional(),
  BALLAST_INTROSPECTION: booleanFlag.optional(),
  BALLAST_SANDBOX: booleanFlag.optional(),
  BALLAST_EXPLORER: z.enum(EXPLORER_MODES).default('auto'),
  BALLAST_WORKER: booleanFlag.default(true),
  BALLAST_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).optional(),
  BALLAST_RUN_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  BALLAST_RUN_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  BALLAST_INGEST_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  BALLAST_DATABASE_OUTAGE_GRACE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  BALLAST_RUN_EVENTS_RETENTION_HOURS: z.coerce.number().positive().default(168),
  BALLAST_CHECKPOINT_IDLE_DAYS: z.coerce.number().positive().default(30),
  BALLAST_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  BALLAST_JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  BALLAST_AUTH: z.enum(['open', 'required']).default('open'),
  BALLAST_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  BALLAST_JWT_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  BALLAST_JWT_ISSUER: z.string().min(1).optional(),
  BALLAST_JWT_AUDIENCE: z.string().min(1).optional(),
  BALLAST_JWT_WORKSPACE_CLAIM: z.string().min(1).default('ballast_workspace'),
  BALLAST_JWT_ROLE_CLAIM: z.string().min(1).default('ballast_role'),
  BALLAST_ALLOWED_ORIGINS: z.string().optional(),
  BALLAST_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  BALLAST_TOKENS_PER_DAY_PER_CALLER: z.coerce.number().int().positive().default(1_000_000),
  BALLAST_TOKENS_PER_DAY_PER_WORKSPACE: z.coerce.number().int().positive().default(5_000_000),
  BALLAST_TOKENS_RESERVED_PER_RUN: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_TOKENS_RESERVED_PER_RUN),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BALLAST_TELEMETRY_CAPTURE_CONTENT: booleanFlag.default(false),
  BALLAST_TRACE_STORE_TRACES: z.coerce.number().int().min(1).max(100_000).default(200),
  BALLAST_METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  // At most 1 GiB: `File.bytes` is a GraphQL Int.
  BALLAST_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_FILE_MAX_BYTES),
  BALLAST_FILE_KEEP_AFTER_INGEST: booleanFlag.default(false),
  BALLAST_FILE_UNUSED_HOURS: z.coerce.number().positive().default(24),
  BALLAST_URL_ALLOW_LOOPBACK: booleanFlag.default(false),
  BALLAST_URL_ALLOWED_HOSTS: z.string().optional(),
  BALLAST_URL_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(DEFAULT_URL_FETCH.timeoutMs),
});

/** Every environment variable Ballast reads (the README's Configuration table lists each). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** Which database Ballast talks to. */
export type DatabaseMode = 'EMBEDDED' | 'POSTGRES';

/** Everything Ballast reads from its environment, validated. */
export interface AppConfig {
  /** HTTP and WebSocket port. Default: 4000. */
  port: number;
  /** Interface to bind. Default: `127.0.0.1`. */
  host: string;
  database:
    { mode: 'EMBEDDED'; dataDir: string } | { mode: 'POSTGRES'; url: string; poolMax: number };
  /** Path of the models JSON file (`BALLAST_CONFIG`), or undefined for the local defaults. */
  modelsConfigPath: string | undefined;
  /** Chat chain and embedding model, validated, API keys resolved. Never log it. */
  models: ModelsConfig;
  retention: {
    /** Event logs of runs finished longer ago are deleted. Default: 168 h. */
    runEventsRetentionMs: number;
    /** Threads idle longer keep only their latest checkpoint. Default: 30 days. */
    checkpointIdleMs: number;
    /** Uploaded files no ingestion named within this are deleted. Default: 24 h. */
    fileUnusedMs: number;
  };
  jobs: {
    /** Run the ingest worker in this process. Default: true. */
    worker: boolean;
    /** Ingest batches worked at once. Default: 2 on PostgreSQL, 1 embedded (one connection). */
    concurrency: number;
    /** Runs executed at once. Default: 10 on PostgreSQL, 4 embedded. */
    runConcurrency: number | undefined;
    /** A run whose process stops renewing this lease is resumed elsewhere. Default: 30 s. */
    runLeaseSeconds: number;
    /** An ingest batch whose process stops renewing this lease is retried. Default: 30 s. */
    ingestLeaseSeconds: number;
    /**
     * How long a run waits for an unreachable database before it fails `DATABASE_UNAVAILABLE`
     * (it resumes from its last checkpoint if the database answers sooner). Default: 60 s.
     */
    databaseOutageGraceSeconds: number;
    /**
     * An active job not finished within this is retried; ingest batches are leased instead.
     * Default: 300 s.
     */
    expireInSeconds: number;
    /** How often expired jobs are looked for. Default: 60 s. */
    maintenanceIntervalSeconds: number;
  };
  auth: {
    /** `open`: no credentials needed (only on a loopback address). Default: open. */
    mode: 'open' | 'required';
    /** JWT verification, when a secret or JWKS URL is configured. */
    jwt: JwtSettings | undefined;
  };
  /** Browser origins allowed (HTTP and WebSocket); empty allows all. Default: empty. */
  allowedOrigins: string[];
  rateLimits: Required<RateLimitSettings>;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
  /** Ballast's telemetry settings; the SDK itself reads the standard `OTEL_*` variables. */
  telemetry: {
    /** Prompts, answers and queries on spans, PII-redacted (development only). Default: false. */
    captureContent: boolean;
    /** Traces kept in memory for `run(id) { trace }` when not exporting OTLP. Default: 200. */
    traceStoreTraces: number;
    /**
     * Bearer token a scraper must present at `/metrics`. Default: none — `/metrics` is then
     * open with `auth.mode` open (loopback only) and closed with it required.
     */
    metricsToken: string | undefined;
  };
  /** GraphQL introspection. Default: on unless `NODE_ENV=production`. */
  introspection: boolean;
  /** Apollo Sandbox landing page at `/graphql`. Default: on unless `NODE_ENV=production`. */
  sandbox: boolean;
  /** Which explorer that landing page opens (`BALLAST_EXPLORER`). Default: `auto`. */
  explorer: ExplorerMode;
  files: {
    /** Largest file `POST /files` accepts, in bytes. Default: 50 MiB. */
    maxBytes: number;
    /** Keep a file after its document is indexed. Default: false. */
    keepAfterIngest: boolean;
  };
  /** What the ingest worker may fetch for a document's `url` (`BALLAST_URL_*`). */
  urlFetch: UrlFetchPolicy;
}

/** Thrown at start when the environment is invalid; its message lists every bad field. */
export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/**
 * Reads and validates the environment. The only place in Ballast that reads `process.env`.
 * @param env Default: `process.env`.
 * @throws {ConfigError} naming every invalid variable at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (e.BALLAST_AUTH === 'open' && !isLoopback(e.HOST)) {
    throw new ConfigError([
      `HOST: ${e.HOST} is not a loopback address; set BALLAST_AUTH=required (with API keys or JWT) to serve it`,
    ]);
  }
  const jwt: JwtSettings | undefined =
    e.BALLAST_JWT_SECRET || e.BALLAST_JWT_JWKS_URL
      ? {
          ...(e.BALLAST_JWT_SECRET ? { secret: e.BALLAST_JWT_SECRET } : {}),
          ...(e.BALLAST_JWT_JWKS_URL ? { jwksUrl: e.BALLAST_JWT_JWKS_URL } : {}),
          ...(e.BALLAST_JWT_ISSUER ? { issuer: e.BALLAST_JWT_ISSUER } : {}),
          ...(e.BALLAST_JWT_AUDIENCE ? { audience: e.BALLAST_JWT_AUDIENCE } : {}),
          workspaceClaim: e.BALLAST_JWT_WORKSPACE_CLAIM,
          roleClaim: e.BALLAST_JWT_ROLE_CLAIM,
        }
      : undefined;
  const modelsConfigPath = e.BALLAST_CONFIG ? path.resolve(e.BALLAST_CONFIG) : undefined;
  let models = DEFAULT_MODELS_CONFIG;
  if (modelsConfigPath) {
    const result = parseModelsConfig(readModelsFile(modelsConfigPath), env);
    if (!result.ok) throw new ConfigError(result.issues.map((i) => `BALLAST_CONFIG ${i}`));
    models = result.config;
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { mode: 'POSTGRES', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX }
      : { mode: 'EMBEDDED', dataDir: path.resolve(e.BALLAST_DATA_DIR) },
    modelsConfigPath,
    models,
    retention: {
      runEventsRetentionMs: e.BALLAST_RUN_EVENTS_RETENTION_HOURS * 3_600_000,
      checkpointIdleMs: e.BALLAST_CHECKPOINT_IDLE_DAYS * 86_400_000,
      fileUnusedMs: e.BALLAST_FILE_UNUSED_HOURS * 3_600_000,
    },
    jobs: {
      worker: e.BALLAST_WORKER,
      concurrency: e.BALLAST_WORKER_CONCURRENCY ?? (e.DATABASE_URL ? 2 : 1),
      runConcurrency: e.BALLAST_RUN_CONCURRENCY,
      runLeaseSeconds: e.BALLAST_RUN_LEASE_SECONDS,
      ingestLeaseSeconds: e.BALLAST_INGEST_LEASE_SECONDS,
      databaseOutageGraceSeconds: e.BALLAST_DATABASE_OUTAGE_GRACE_SECONDS,
      expireInSeconds: e.BALLAST_JOB_EXPIRE_SECONDS,
      maintenanceIntervalSeconds: e.BALLAST_JOB_MAINTENANCE_SECONDS,
    },
    auth: { mode: e.BALLAST_AUTH, jwt },
    allowedOrigins: (e.BALLAST_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
    rateLimits: {
      requestsPerMinute: e.BALLAST_RATE_LIMIT_PER_MINUTE,
      tokensPerDayPerCaller: e.BALLAST_TOKENS_PER_DAY_PER_CALLER,
      tokensPerDayPerWorkspace: e.BALLAST_TOKENS_PER_DAY_PER_WORKSPACE,
      tokensReservedPerRun: e.BALLAST_TOKENS_RESERVED_PER_RUN,
    },
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    telemetry: {
      captureContent: e.BALLAST_TELEMETRY_CAPTURE_CONTENT,
      traceStoreTraces: e.BALLAST_TRACE_STORE_TRACES,
      metricsToken: e.BALLAST_METRICS_TOKEN,
    },
    introspection: e.BALLAST_INTROSPECTION ?? !production,
    sandbox: e.BALLAST_SANDBOX ?? !production,
    explorer: e.BALLAST_EXPLORER,
    files: {
      maxBytes: e.BALLAST_FILE_MAX_BYTES,
      keepAfterIngest: e.BALLAST_FILE_KEEP_AFTER_INGEST,
    },
    urlFetch: {
      allowLoopback: e.BALLAST_URL_ALLOW_LOOPBACK,
      allowedHosts: (e.BALLAST_URL_ALLOWED_HOSTS ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter((h) => h !== ''),
      maxBytes: e.BALLAST_FILE_MAX_BYTES,
      timeoutMs: e.BALLAST_URL_TIMEOUT_MS,
      maxRedirects: DEFAULT_URL_FETCH.maxRedirects,
    },
  };
}

function readModelsFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`BALLAST_CONFIG: cannot read ${file} (${(error as Error).message})`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError([
      `BALLAST_CONFIG: ${file} is not valid JSON (${(error as Error).message})`,
    ]);
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
