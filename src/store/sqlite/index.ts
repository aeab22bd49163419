/**
 * The embedded SQLite event store (better-sqlite3): `openSqliteStore(path)` opens or creates the
 * file (`:memory:` for a private in-memory store), applies the migrations and returns a `Store`.
 *
 * The costly views are cached per write generation (src/store/layered-store.ts): a write by any
 * connection to the file bumps `meta.generation`, which every cached read checks first.
 */
import type { EventRecord } from '../../types.js';
import { LayeredStore } from '../layered-store.js';
import type { ArticleBatchItem, PutResult, Store } from '../types.js';
import { SqliteAnalytics } from './analytics.js';
import { connect, type Db, migrate } from './database.js';
import { SqliteReader } from './read.js';
import { SqliteWriter } from './write.js';

export { MIGRATIONS } from './migrations.js';

/** Open (creating when needed) the SQLite store at `path`. */
export async function openSqliteStore(path: string): Promise<Store> {
  const db = connect(path);
  try {
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return new SqliteStore(db, path);
}

class SqliteStore extends LayeredStore {
  readonly kind = 'sqlite';
  readonly location: string;
  private readonly db: Db;
  private readonly writer: SqliteWriter;
  protected readonly reads: SqliteReader;
  protected readonly views: SqliteAnalytics;

  constructor(db: Db, location: string) {
    super();
    this.db = db;
    this.location = location;
    this.writer = new SqliteWriter(db);
    this.reads = new SqliteReader(db);
    this.views = new SqliteAnalytics(db);
  }

  protected generation(): string {
    return this.reads.generation();
  }

  async putArticles(items: ArticleBatchItem[]): Promise<PutResult> {
    return this.writer.putArticles(items);
  }
  async replaceEvents(articleId: string, events: EventRecord[]): Promise<void> {
    this.writer.replaceEvents(articleId, events);
  }
  async markFailed(articleId: string, error: string): Promise<void> {
    this.writer.markFailed(articleId, error);
  }
  async close(): Promise<void> {
    if (!this.db.open) return;
    // refresh the planner's statistics where they are missing or stale (bounded work)
    if (!this.db.readonly && this.location !== ':memory:') {
      try {
        this.db.pragma('analysis_limit = 1000');
        this.db.pragma('optimize');
      } catch {
        // statistics are an optimisation: a busy or read-only file closes without them
      }
    }
    this.db.close();
  }
}
