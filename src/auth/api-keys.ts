import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { AppError } from '../errors.js';
import type { Principal, Role } from './principal.js';

/** Every key starts with this, so leaked keys are easy to find by secret scanners. */
export const API_KEY_PREFIX = 'blst_';

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A key as listings show it: never the secret. */
export interface ApiKeyInfo {
  id: string;
  workspaceId: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * Creates an API key for a workspace. The secret is returned once and stored only hashed.
 * @throws {AppError} `NOT_FOUND` for an unknown workspace.
 */
export async function createApiKey(
  pool: pg.Pool,
  input: { workspaceId: string; name: string; role: Role },
): Promise<{ key: ApiKeyInfo; secret: string }> {
  const secret = `${API_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  try {
    const result = await pool.query<{ id: string; created_at: Date }>(
      `INSERT INTO api_keys (workspace_id, name, role, prefix, secret_hash)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
      [input.workspaceId, input.name, input.role, secret.slice(0, 12), hashSecret(secret)],
    );
    const row = result.rows[0]!;
    return {
      secret,
      key: {
        id: row.id,
        workspaceId: input.workspaceId,
        name: input.name,
        role: input.role,
        prefix: secret.slice(0, 12),
        createdAt: row.created_at,
        lastUsedAt: null,
        revokedAt: null,
      },
    };
  } catch (error) {
    if ((error as { code?: string }).code === '23503')
      throw new AppError('NOT_FOUND', 'workspace not found');
    throw error;
  }
}

/** Every key, newest first, optionally of one workspace. */
export async function listApiKeys(pool: pg.Pool, workspaceId?: string): Promise<ApiKeyInfo[]> {
  const result = await pool.query<ApiKeyInfo>(
    `SELECT id, workspace_id AS "workspaceId", name, role, prefix, created_at AS "createdAt",
            last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
     FROM api_keys WHERE ($1::uuid IS NULL OR workspace_id = $1) ORDER BY created_at DESC`,
    [workspaceId ?? null],
  );
  return result.rows;
}

/** Revokes a key at once; false when there is no such active key. */
export async function revokeApiKey(pool: pg.Pool, id: string): Promise<boolean> {
  const result = await pool.query(
    'UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
    [id],
  );
  return (result.rowCount ?? 0) > 0;
}

/**
 * The principal of an API key secret, or null for an unknown or revoked key. Compares
 * hashes (the lookup is by the hash, so timing says nothing about the secret).
 */
export async function verifyApiKey(pool: pg.Pool, secret: string): Promise<Principal | null> {
  if (!secret.startsWith(API_KEY_PREFIX) || secret.length > 200) return null;
  const result = await pool.query<{ id: string; workspace_id: string; role: Role }>(
    `UPDATE api_keys SET last_used_at = now()
     WHERE secret_hash = $1 AND revoked_at IS NULL
     RETURNING id, workspace_id, role`,
    [hashSecret(secret)],
  );
  const row = result.rows[0];
  return row ? { workspaceId: row.workspace_id, role: row.role, subject: `key:${row.id}` } : null;
}
