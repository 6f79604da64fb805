// `npm run keys -- <command>`: administers workspaces and API keys on the configured database
// (DATABASE_URL, or the embedded one under BALLAST_DATA_DIR — stop the server first: an
// embedded database has one process at a time, and a running server's folder is refused).
//   workspace create <name>                       → prints the new workspace id
//   create --workspace <id> --role reader|writer|admin [--name <label>]
//                                                 → prints the key once; only its hash is kept
//   list [--workspace <id>]
//   revoke <key id>
import { parseArgs } from 'node:util';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys.js';
import { ROLES, type Role } from '../auth/principal.js';
import { ConfigError, loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { createLogger } from '../logger.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { workspace: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
});
const [command, ...rest] = positionals;
const usage =
  'usage: keys workspace create <name> | create --workspace <id> --role <role> [--name <n>] | list [--workspace <id>] | revoke <id>';

const db = await openConfiguredDatabase();
let exitCode = 0;
try {
  await migrate(db.pool);
  if (command === 'workspace' && rest[0] === 'create' && rest[1]) {
    const created = await db.pool.query<{ id: string }>(
      'INSERT INTO workspaces (name) VALUES ($1) RETURNING id',
      [rest[1]],
    );
    console.log(created.rows[0]!.id);
  } else if (command === 'create' && values.workspace && ROLES.includes(values.role as Role)) {
    const { key, secret } = await createApiKey(db.pool, {
      workspaceId: values.workspace,
      role: values.role as Role,
      name: values.name ?? 'unnamed',
    });
    console.log(
      JSON.stringify({ id: key.id, workspaceId: key.workspaceId, role: key.role, key: secret }),
    );
  } else if (command === 'list') {
    for (const key of await listApiKeys(db.pool, values.workspace))
      console.log(JSON.stringify(key));
  } else if (command === 'revoke' && rest[0]) {
    const revoked = await revokeApiKey(db.pool, rest[0]);
    console.log(revoked ? 'revoked' : 'no such active key');
    exitCode = revoked ? 0 : 1;
  } else {
    console.error(usage);
    exitCode = 2;
  }
} catch (error) {
  console.error((error as Error).message);
  exitCode = 1;
} finally {
  await db.close();
}
process.exit(exitCode);

/**
 * The configured database, or exit 1 with one line saying why not: an invalid environment, a
 * data folder held by a running server, a database that refuses (errors with a `code` explain
 * themselves; anything else is a bug and keeps its stack).
 */
async function openConfiguredDatabase(): Promise<Database> {
  try {
    return await openDatabase(loadConfig().database, createLogger({ level: 'warn' }));
  } catch (error) {
    if (error instanceof ConfigError || typeof (error as { code?: unknown }).code === 'string') {
      console.error((error as Error).message.replaceAll('\n', ' '));
      process.exit(1);
    }
    throw error;
  }
}
