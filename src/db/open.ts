import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';
import { openEmbeddedDatabase } from './embedded.js';
import { openPostgresDatabase } from './postgres.js';

/** Opens the database the configuration names: PGlite by default, PostgreSQL with a URL. */
export function openDatabase(config: AppConfig['database'], logger: Logger): Promise<Database> {
  return config.mode === 'POSTGRES'
    ? openPostgresDatabase({ url: config.url, max: config.poolMax, logger })
    : openEmbeddedDatabase({ dataDir: config.dataDir, logger });
}
