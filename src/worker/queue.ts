/**
 * The extraction job queue, kept in the store's own PostgreSQL database by pg-boss (schema `pgboss`).
 * One job per article id (`{ article }`); the queue's `short` policy with the article id as singleton
 * key keeps at most one queued job per article, so enqueuing an article twice before a worker takes
 * it queues it once.
 *
 * A job a worker takes is `active` until the worker completes it — in the same transaction that
 * writes the article's records (see ./worker.ts). A job still active after its expiry (the worker
 * died or hung) is failed by pg-boss's maintenance and retried, so another worker takes it.
 */
import PgBoss from 'pg-boss';
import { RasadError } from '../errors.js';
import { openPostgresStore } from '../store/postgres/index.js';

/** Name of the extraction queue. */
export const EXTRACT_QUEUE = 'rasad-extract';

/** Schema holding pg-boss's tables. */
export const BOSS_SCHEMA = 'pgboss';

/** Data of an extraction job. */
export interface ExtractJob {
  article: string;
}

export interface EnqueueOptions {
  /**
   * Seconds a worker may hold a job before it counts as lost and is given to another worker
   * (default 300). Extraction takes milliseconds per article; this bounds how long a dead
   * worker's article waits.
   */
  expireSeconds?: number;
  /** How many times a lost or failing job is retried (default 5). */
  retryLimit?: number;
}

/** Jobs inserted per statement. */
const CHUNK = 1000;

const DEFAULT_EXPIRE_SECONDS = 300;
const DEFAULT_RETRY_LIMIT = 5;

/** A started pg-boss on the database at `url`, with the extraction queue created. */
export async function openBoss(url: string, options: PgBoss.ConstructorOptions = {}): Promise<PgBoss> {
  if (!/^postgres(ql)?:\/\//i.test(url))
    throw new RasadError('BAD_ARGUMENT', `workers need a postgres:// store URL, got "${url}"`);
  const boss = new PgBoss({ connectionString: url, schema: BOSS_SCHEMA, schedule: false, ...options });
  await boss.start();
  await boss.createQueue(EXTRACT_QUEUE, { name: EXTRACT_QUEUE, policy: 'short' });
  return boss;
}

/** Queue these articles for extraction; returns the number of ids submitted. */
export async function enqueueArticles(
  url: string,
  ids: readonly string[],
  opts: EnqueueOptions = {},
): Promise<number> {
  const boss = await openBoss(url, { supervise: false, max: 2 });
  try {
    return await insertJobs(boss, ids, opts);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

async function insertJobs(boss: PgBoss, ids: readonly string[], opts: EnqueueOptions): Promise<number> {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    await boss.insert(
      unique.slice(i, i + CHUNK).map((article) => ({
        name: EXTRACT_QUEUE,
        data: { article } satisfies ExtractJob,
        singletonKey: article,
        expireInSeconds: opts.expireSeconds ?? DEFAULT_EXPIRE_SECONDS,
        retryLimit: opts.retryLimit ?? DEFAULT_RETRY_LIMIT,
      })),
    );
  }
  return unique.length;
}

/** Queue every article of the store whose status is `pending`; returns how many. */
export async function enqueuePending(url: string, opts: EnqueueOptions = {}): Promise<number> {
  const store = await openPostgresStore(url, { max: 2 });
  let boss: PgBoss | null = null;
  try {
    boss = await openBoss(url, { supervise: false, max: 2 });
    let after: string | null = null;
    let n = 0;
    for (;;) {
      const page: string[] = await store.listArticleIds({ after, limit: CHUNK, status: 'pending' });
      if (page.length === 0) break;
      n += await insertJobs(boss, page, opts);
      after = page[page.length - 1] ?? null;
    }
    return n;
  } finally {
    await boss?.stop({ graceful: false, wait: true });
    await store.close();
  }
}

/** Jobs of the extraction queue not yet finished (queued, waiting for a retry, or being processed). */
export async function unfinishedJobs(boss: PgBoss): Promise<number> {
  return boss.getQueueSize(EXTRACT_QUEUE, { before: 'completed' });
}
