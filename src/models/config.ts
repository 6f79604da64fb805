import type { z } from 'zod';
import {
  DEFAULT_LOCAL_DIMENSIONS,
  DEFAULT_TIMEOUT_MS,
  modelsFileSchema,
  type LocalChatEntry,
  type LocalEmbeddingEntry,
  type RemoteChatEntry,
  type RemoteEmbeddingEntry,
} from './config-schema.js';

/** A chat model of the chain. `apiKey` is resolved from the environment: never log it. */
export type ChatModelConfig = (RemoteChatEntry & { apiKey?: string }) | LocalChatEntry;
/** The embedding model. `apiKey` is resolved from the environment: never log it. */
export type EmbeddingModelConfig =
  (RemoteEmbeddingEntry & { apiKey?: string }) | LocalEmbeddingEntry;

/** Validated model configuration. `chat` is the fallback chain, in order, always ending `local`. */
export interface ModelsConfig {
  chat: ChatModelConfig[];
  embedding: EmbeddingModelConfig;
}

/** Result of {@link parseModelsConfig}: each issue reads `path: problem`. */
export type ParseModelsConfigResult =
  { ok: true; config: ModelsConfig } | { ok: false; issues: string[] };

/** Id of the local model appended to a chain that does not end with one. */
export const LOCAL_CHAT_ID = 'local';

const localChat = (id = LOCAL_CHAT_ID): LocalChatEntry => ({
  id,
  provider: 'local',
  timeoutMs: DEFAULT_TIMEOUT_MS,
});

/** Used without a `BALLAST_CONFIG` file: `chat: [local]`, `embedding: local` (384 dimensions). */
export const DEFAULT_MODELS_CONFIG: ModelsConfig = Object.freeze({
  chat: [localChat()],
  embedding: { id: 'local', provider: 'local' as const, dimensions: DEFAULT_LOCAL_DIMENSIONS },
});

/**
 * Validates the `BALLAST_CONFIG` JSON and resolves API keys from `env` (`apiKeyEnv` names the
 * variable; a named but unset variable is an error). Unknown fields are rejected. When the chain
 * does not end with a local model, `{ id: 'local', provider: 'local' }` is appended: every chain
 * ends with the local extractive model, the answer of last resort. A local model anywhere but
 * last is an error, since nothing after it would ever run.
 */
export function parseModelsConfig(
  raw: unknown,
  env: Readonly<Record<string, string | undefined>>,
): ParseModelsConfigResult {
  const parsed = modelsFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.flatMap(formatIssue) };
  const issues: string[] = [];
  const resolveKey = (path: string, name: string | undefined): { apiKey?: string } => {
    if (name === undefined) return {};
    const value = env[name];
    if (value === undefined || value === '') {
      issues.push(`${path}.apiKeyEnv: environment variable ${name} is not set`);
      return {};
    }
    return { apiKey: value };
  };

  const seen = new Set<string>();
  const chat = parsed.data.chat.map((entry, index): ChatModelConfig => {
    const path = `chat[${index}]`;
    if (seen.has(entry.id)) issues.push(`${path}.id: duplicate id "${entry.id}"`);
    seen.add(entry.id);
    if (entry.provider === 'local') {
      if (index !== parsed.data.chat.length - 1) {
        issues.push(`${path}.provider: a local model must be the last of the chain`);
      }
      return entry;
    }
    return { ...entry, ...resolveKey(path, entry.apiKeyEnv) };
  });
  if (chat.at(-1)?.provider !== 'local') {
    if (seen.has(LOCAL_CHAT_ID)) {
      issues.push(
        `chat: id "${LOCAL_CHAT_ID}" is reserved for the local model appended to the chain`,
      );
    }
    chat.push(localChat());
  }

  const entry = parsed.data.embedding;
  const embedding: EmbeddingModelConfig =
    entry.provider === 'local' ? entry : { ...entry, ...resolveKey('embedding', entry.apiKeyEnv) };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, config: { chat, embedding } };
}

function formatIssue(issue: z.core.$ZodIssue): string[] {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${path === '' ? key : `${path}.${key}`}: unknown field`);
  }
  return [`${path === '' ? '(root)' : path}: ${issue.message}`];
}

/** `['chat', 0, 'baseURL']` → `chat[0].baseURL`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out === '' ? name : `${out}.${name}`;
  }, '');
}
