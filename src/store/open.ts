/**
 * Opening the event store a location names: a `postgres://` or `postgresql://` URL opens the
 * PostgreSQL backend (loaded only then, so SQLite users never load `pg`); anything else is the path
 * of a SQLite file, created when missing (default `./rasad.db`; `:memory:` for a private store).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RasadError } from '../errors.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './types.js';

/** Where the store lives when no location is given. */
export const DEFAULT_STORE = './rasad.db';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A URL with its password replaced by `***`, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** Open the store at `location` (default: `$RASAD_DB`, else `./rasad.db`). */
export async function openStore(location?: string): Promise<Store> {
  const where = (location ?? (process.env.RASAD_DB || DEFAULT_STORE)).trim();
  if (where === '')
    throw new RasadError(
      'STORE_UNAVAILABLE',
      'the store location is empty (expected a SQLite file path or a postgres:// URL)',
    );
  if (isPostgresUrl(where)) {
    let mod: { openPostgresStore: (url: string) => Promise<Store> };
    try {
      // loaded only for postgres URLs, so SQLite users never load `pg`
      mod = await import('./postgres/index.js');
    } catch (e) {
      throw new RasadError(
        'STORE_UNAVAILABLE',
        `cannot load the PostgreSQL backend for ${redactUrl(where)}: ${(e as Error).message}`,
      );
    }
    try {
      return await mod.openPostgresStore(where);
    } catch (e) {
      if (e instanceof RasadError) throw e;
      throw new RasadError(
        'STORE_UNAVAILABLE',
        `cannot open the PostgreSQL store ${redactUrl(where)} (expected a reachable database the URL's user may write): ${(e as Error).message}`,
      );
    }
  }
  if (where !== ':memory:') {
    const path = resolve(where);
    if (existsSync(path) && statSync(path).isDirectory())
      throw new RasadError(
        'STORE_UNAVAILABLE',
        `store path ${where} is a directory (expected a SQLite file, e.g. ${where.replace(/\/$/, '')}/rasad.db)`,
      );
    const dir = dirname(path);
    if (!existsSync(dir))
      throw new RasadError(
        'STORE_UNAVAILABLE',
        `cannot create the store ${where}: directory ${dir} does not exist (expected an existing directory)`,
      );
  }
  try {
    return await openSqliteStore(where);
  } catch (e) {
    if (e instanceof RasadError) throw e;
    throw new RasadError(
      'STORE_UNAVAILABLE',
      `cannot open the SQLite store ${where} (expected a Rasad SQLite database or a new file): ${(e as Error).message}`,
    );
  }
}
