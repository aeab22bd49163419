/**
 * Extraction workers: take article ids from the pg-boss queue (./queue.ts), extract the article's
 * events with the current dictionaries and write them to the PostgreSQL store.
 *
 * Each article is processed once, even when workers die: a job is completed inside the very
 * transaction that writes the article's records (`replaceEventsWith` / `markFailedWith`), and that
 * transaction commits only if the job is still this worker's (`complete` touched it while `active`).
 * So either the records and the completion commit together, or neither does:
 * - a worker killed before its commit leaves its job active and nothing written; after the job's
 *   expiry pg-boss's maintenance hands it to another worker, which writes the records once;
 * - a worker too slow for the expiry finds its job taken back and rolls back, leaving the article to
 *   the worker that took the job over.
 * Writing is idempotent anyway (`replaceEvents` replaces the article's mentions), so even a job
 * queued twice leaves one set of mentions.
 */
import type pg from 'pg';
import type PgBoss from 'pg-boss';
import { extract, loadResources, type Resources } from '../pipeline.js';
import { documentOf } from '../store/ingest.js';
import { openPostgresStore } from '../store/postgres/index.js';
import { EXTRACT_QUEUE, type ExtractJob, openBoss, unfinishedJobs } from './queue.js';

/** What happened to one job. */
export interface ProcessedArticle {
  /** The article id the job named. */
  article: string;
  /** The pg-boss job id. */
  job: string;
  /**
   * `done`: records written; `failed`: extraction threw, the article is marked failed; `missing`:
   * no such article in the store; `lost`: the job was taken back (expired) before this worker
   * committed, nothing was written by this worker.
   */
  status: 'done' | 'failed' | 'missing' | 'lost';
  /** Records written (0 unless `done`). */
  mentions: number;
  /** The extraction error (`failed`). */
  error?: string;
  /** Milliseconds spent on the job. */
  ms: number;
}

export interface WorkerOptions {
  /** The store: a `postgres://` URL (the queue lives in the same database, schema `pgboss`). */
  url: string;
  /** Jobs processed at once by this process (default 2). Extraction is CPU-bound: run one process per core. */
  concurrency?: number;
  /** Stops the worker when aborted (the jobs in hand are finished first). */
  signal?: AbortSignal;
  /** Called after each job. */
  onProcessed?: (p: ProcessedArticle) => void;
  /** Called with errors that do not stop the worker (database hiccups, the queue's own errors). */
  onError?: (e: Error) => void;
  /** Stop by itself once the queue has no unfinished job (queued, retrying or in progress). */
  untilEmpty?: boolean;
  /** Seconds between polls of an empty queue (default 2, at least 0.5). */
  pollSeconds?: number;
  /** Seconds between maintenance runs that hand expired jobs to other workers (default 60, at least 1). */
  maintenanceSeconds?: number;
  /** Pause this long after extraction, before writing (simulates slow extraction in tests; default 0). */
  delayMs?: number;
  /** Compiled dictionaries (loaded once when not given). */
  resources?: Resources;
}

export interface RunningWorker {
  /** Resolves when the worker has stopped (after `stop()`, the signal, or an empty queue with `untilEmpty`). */
  readonly done: Promise<void>;
  /** Stop taking jobs, finish the ones in hand, close the connections. */
  stop(): Promise<void>;
  /** Jobs processed so far, by status. */
  readonly stats: Record<ProcessedArticle['status'], number>;
}

/** Thrown inside the write transaction when the job is no longer this worker's: rolls it back. */
class JobLost extends Error {}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Start a worker; it runs until stopped (or, with `untilEmpty`, until the queue is drained). */
export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 2));
  const pollMs = Math.max(500, (opts.pollSeconds ?? 2) * 1000);
  const res = opts.resources ?? loadResources();
  const store = await openPostgresStore(opts.url, { max: concurrency + 1, applicationName: 'rasad-worker' });
  let boss: PgBoss;
  try {
    boss = await openBoss(opts.url, {
      supervise: true,
      maintenanceIntervalSeconds: Math.max(1, Math.floor(opts.maintenanceSeconds ?? 60)),
      max: concurrency + 2,
      application_name: 'rasad-worker-queue',
    });
  } catch (e) {
    await store.close();
    throw e;
  }
  const onError = (e: unknown) => opts.onError?.(e instanceof Error ? e : new Error(String(e)));
  boss.on('error', onError);

  const stopper = new AbortController();
  const stopSignal = stopper.signal;
  if (opts.signal) {
    if (opts.signal.aborted) stopper.abort();
    else opts.signal.addEventListener('abort', () => stopper.abort(), { once: true });
  }
  const stats: RunningWorker['stats'] = { done: 0, failed: 0, missing: 0, lost: 0 };

  const processJob = async (job: PgBoss.Job<ExtractJob>): Promise<void> => {
    const started = Date.now();
    const id = job.data.article;
    const report = (status: ProcessedArticle['status'], mentions: number, error?: string) => {
      stats[status]++;
      opts.onProcessed?.({
        article: id,
        job: job.id,
        status,
        mentions,
        ms: Date.now() - started,
        ...(error ? { error } : {}),
      });
    };
    let article: Awaited<ReturnType<typeof store.getArticle>>;
    try {
      article = await store.getArticle(id);
      if (!article) {
        await boss.complete(EXTRACT_QUEUE, job.id, { status: 'missing' });
        report('missing', 0);
        return;
      }
    } catch (e) {
      // a database problem: give the job back for a retry rather than let it wait for expiry
      await boss.fail(EXTRACT_QUEUE, job.id, { message: (e as Error).message }).catch(() => undefined);
      throw e;
    }
    let events: ReturnType<typeof extract> | null = null;
    let error: string | null = null;
    try {
      events = extract(documentOf(article), res);
    } catch (e) {
      error = (e as Error).message || String(e);
    }
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    const output = error ? { status: 'failed', error } : { status: 'done', mentions: events?.length ?? 0 };
    const completeHere = async (client: pg.PoolClient) => {
      const db: PgBoss.Db = { executeSql: (text, values) => client.query(text, values) };
      const r = (await boss.complete(EXTRACT_QUEUE, job.id, output, { db })) as unknown as {
        affected?: number;
      };
      if (!r || r.affected === 0)
        throw new JobLost(`job ${job.id} for article "${id}" is no longer held by this worker`);
    };
    try {
      if (error !== null) await store.markFailedWith(id, error, completeHere);
      else await store.replaceEventsWith(id, events ?? [], completeHere);
    } catch (e) {
      if (e instanceof JobLost) {
        report('lost', 0);
        return;
      }
      // a database problem: give the job back for a retry
      await boss.fail(EXTRACT_QUEUE, job.id, { message: (e as Error).message }).catch(() => undefined);
      throw e;
    }
    if (error !== null) report('failed', 0, error);
    else report('done', events?.length ?? 0);
  };

  const slot = async (): Promise<void> => {
    while (!stopSignal.aborted) {
      try {
        const jobs = await boss.fetch<ExtractJob>(EXTRACT_QUEUE, { batchSize: 1 });
        if (jobs.length === 0) {
          if (opts.untilEmpty && (await unfinishedJobs(boss)) === 0) return;
          await sleep(pollMs, stopSignal);
          continue;
        }
        for (const job of jobs) await processJob(job);
      } catch (e) {
        onError(e);
        await sleep(pollMs, stopSignal);
      }
    }
  };

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      await boss.stop({ graceful: false, wait: true }).catch(onError);
      await store.close().catch(onError);
    })();
    return closed;
  };
  const slots = Array.from({ length: concurrency }, slot);
  const done = Promise.all(slots).then(() => {
    stopper.abort();
    return close();
  });
  return {
    done,
    stats,
    async stop() {
      stopper.abort();
      await done;
    },
  };
}
