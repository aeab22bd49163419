/**
 * The PostgreSQL event store: a `pg` pool, writes in one transaction each (./write.ts), retried on
 * deadlock or serialisation failure, with hooks the workers commit their queue jobs in; reads
 * (./read.ts) and the aggregate views (./analytics.ts) plugged into the shared Store plumbing
 * (src/store/layered-store.ts). Answers exactly as the SQLite backend does (both pass
 * test/store/contract.ts).
 */
import type pg from 'pg';
import type { EventRecord } from '../../types.js';
import { LayeredStore } from '../layered-store.js';
import type { ArticleBatchItem, PutResult } from '../types.js';
import { PgAnalytics } from './analytics.js';
import { PgReader } from './read.js';
import { type CommitHook, PgWriter } from './write.js';

/** Transactions that fail on a deadlock or serialisation conflict are run again this many times. */
const RETRIES = 5;

/** The URL with its password removed, for display. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    return u.toString().replace(/^(\w+:\/\/[^@/]*):@/, '$1@');
  } catch {
    return url.replace(/(\/\/[^:/@]*):[^@/]*@/, '$1@');
  }
}

function retryable(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === '40P01' || code === '40001';
}

export class PostgresStore extends LayeredStore {
  readonly kind = 'postgres';
  readonly location: string;
  /** The connection pool (the workers run pg-boss on the same database). */
  readonly pool: pg.Pool;
  protected readonly reads: PgReader;
  protected readonly views: PgAnalytics;

  constructor(pool: pg.Pool, url: string) {
    super();
    this.pool = pool;
    this.location = redactUrl(url);
    this.reads = new PgReader(pool);
    this.views = new PgAnalytics(pool);
  }

  protected async generation(): Promise<string> {
    const { rows } = await this.pool.query<{ g: string }>(
      "SELECT last_value::text || ':' || is_called::text AS g FROM store_generation",
    );
    return rows[0]?.g ?? '';
  }

  /** Run `fn` in a transaction on one connection, retrying on deadlock or serialisation failure. */
  async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(client);
        await client.query('COMMIT');
        // after the commit: a reader that saw the old generation recomputes on its next read
        await client.query("SELECT nextval('store_generation')").catch(() => undefined);
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (attempt < RETRIES && retryable(e)) continue;
        throw e;
      } finally {
        client.release();
      }
    }
  }

  putArticles(items: ArticleBatchItem[]): Promise<PutResult> {
    if (items.length === 0) return Promise.resolve({ stored: 0, duplicates: 0, mentions: 0, newEvents: 0 });
    return this.transaction((c) => new PgWriter(c).putArticles(items));
  }

  replaceEvents(articleId: string, events: EventRecord[]): Promise<void> {
    return this.replaceEventsWith(articleId, events);
  }

  /**
   * `replaceEvents` with a hook run in the same transaction before it commits: the workers complete
   * their queue job there, so the article's records and the job's completion commit together.
   */
  replaceEventsWith(articleId: string, events: EventRecord[], beforeCommit?: CommitHook): Promise<void> {
    return this.transaction(async (c) => {
      await new PgWriter(c).replaceEvents(articleId, events);
      if (beforeCommit) await beforeCommit(c);
    });
  }

  markFailed(articleId: string, error: string): Promise<void> {
    return this.markFailedWith(articleId, error);
  }

  /** `markFailed` with a hook run in the same transaction before it commits. */
  markFailedWith(articleId: string, error: string, beforeCommit?: CommitHook): Promise<void> {
    return this.transaction(async (c) => {
      await new PgWriter(c).markFailed(articleId, error);
      if (beforeCommit) await beforeCommit(c);
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
