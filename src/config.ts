import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MODELS_CONFIG, parseModelsConfig, type ModelsConfig } from './models/config.js';

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
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  BALLAST_DATA_DIR: z.string().min(1).default('./.ballast'),
  BALLAST_CONFIG: z.string().min(1).optional(),
  BALLAST_INTROSPECTION: booleanFlag.optional(),
  BALLAST_SANDBOX: booleanFlag.optional(),
  BALLAST_WORKER: booleanFlag.default(true),
  BALLAST_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).optional(),
  BALLAST_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  BALLAST_JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

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
  jobs: {
    /** Run the ingest worker in this process. Default: true. */
    worker: boolean;
    /** Batches worked at once. Default: 2 on PostgreSQL, 1 embedded (one connection). */
    concurrency: number;
    /** An active job not finished within this is retried. Default: 300 s. */
    expireInSeconds: number;
    /** How often expired jobs are looked for. Default: 60 s. */
    maintenanceIntervalSeconds: number;
  };
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
  /** GraphQL introspection. Default: on unless `NODE_ENV=production`. */
  introspection: boolean;
  /** Apollo Sandbox landing page at `/graphql`. Default: on unless `NODE_ENV=production`. */
  sandbox: boolean;
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
    jobs: {
      worker: e.BALLAST_WORKER,
      concurrency: e.BALLAST_WORKER_CONCURRENCY ?? (e.DATABASE_URL ? 2 : 1),
      expireInSeconds: e.BALLAST_JOB_EXPIRE_SECONDS,
      maintenanceIntervalSeconds: e.BALLAST_JOB_MAINTENANCE_SECONDS,
    },
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    introspection: e.BALLAST_INTROSPECTION ?? !production,
    sandbox: e.BALLAST_SANDBOX ?? !production,
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
