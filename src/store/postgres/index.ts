/**
 * The PostgreSQL backend of the event store: `openPostgresStore('postgres://user:pass@host/db')`
 * connects a pool, applies the schema migrations (./migrations.ts, under an advisory lock) and returns
 * the store. `src/store/open.ts` sends `postgres://` and `postgresql://` locations here.
 */
import pg from 'pg';
import { RasadError } from '../../errors.js';
import type { Store } from '../types.js';
import { migrate } from './migrations.js';
import { PostgresStore, redactUrl } from './store.js';

export { PostgresStore, redactUrl } from './store.js';

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** Name shown in pg_stat_activity (default `rasad`). */
  applicationName?: string;
}

/** Open (and migrate) the store at a PostgreSQL URL. Throws STORE_UNAVAILABLE when it cannot connect. */
export async function openPostgresStore(
  url: string,
  opts: PostgresStoreOptions = {},
): Promise<PostgresStore & Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'rasad',
    connectionTimeoutMillis: 15_000,
  });
  // an idle client losing its server must not crash the process; the next query reports the problem
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end().catch(() => undefined);
    if (e instanceof RasadError) throw e;
    const err = e as Error & { code?: string };
    if (
      (err.code && /^(08|28|3D|57P)/.test(err.code)) ||
      /ECONNREFUSED|ENOTFOUND|timeout|EAI_AGAIN/i.test(err.message)
    )
      throw new RasadError(
        'STORE_UNAVAILABLE',
        `cannot open the PostgreSQL store at ${redactUrl(url)}: ${err.message} (expected a reachable PostgreSQL database)`,
      );
    throw e;
  }
  return new PostgresStore(pool, url);
}
