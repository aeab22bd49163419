/**
 * Opening the SQLite file: pragmas (WAL, busy timeout, foreign keys) and the versioned migrations
 * of ./migrations.ts, applied inside `BEGIN IMMEDIATE` so that two processes opening the same new
 * file at once apply each migration exactly once (the second waits for the first, then finds the
 * versions recorded).
 */
import Database from 'better-sqlite3';
import { type Migration, pendingMigrations } from '../schema-versions.js';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

/** Milliseconds a connection waits for another writer before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 15_000;

/** Open a connection with the store's pragmas (the schema is not touched). */
export function connect(path: string): Db {
  const db = new Database(path);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (path !== ':memory:' && path !== '') setWal(db);
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}

/**
 * Switch to WAL. Changing the journal mode needs an exclusive lock, which the busy handler does
 * not always wait for when another process is creating the same file, so retry for a while.
 */
function setWal(db: Db): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if (!isBusy(e) || Date.now() > deadline) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** Versions recorded in `schema_migrations` (empty for a new file). */
export function appliedVersions(db: Db): number[] {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!exists) return [];
  return (
    db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]
  ).map((r) => r.version);
}

/**
 * Apply the migrations not yet recorded, in order, in one IMMEDIATE transaction. Returns the
 * versions applied by this call (empty when the schema was up to date). Throws when the file was
 * written by a newer Rasad (a version this code does not know).
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const applied: number[] = [];
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)',
    );
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)');
    for (const m of pendingMigrations(migrations, appliedVersions(db))) {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
      applied.push(m.version);
    }
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
  return applied;
}
