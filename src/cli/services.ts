/**
 * Long-running commands: `rasad serve` (API and dashboard), `rasad worker` (PostgreSQL job queue)
 * and `rasad watch` (feed polling). Each stops cleanly on SIGINT/SIGTERM.
 */
import { RasadError } from '../errors.js';
import type { ReadItem } from '../io/read.js';
import { ingestItems } from '../store/ingest.js';
import { isPostgresUrl, openStore, redactUrl } from '../store/open.js';
import { intOption } from './filters.js';
import { renderIngestSummary } from './store-render.js';

/** Resolve when the process is asked to stop. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (sig: string) => () => resolve(sig);
    process.once('SIGINT', on('SIGINT'));
    process.once('SIGTERM', on('SIGTERM'));
  });
}

export async function runServe(o: { db?: string; host?: string; port?: string }): Promise<number> {
  const { startServer } = await import('../server/serve.js');
  const host = o.host ?? '127.0.0.1';
  const port = intOption('port', o.port, 8080, 65535);
  const server = await startServer({ db: o.db, host, port });
  process.stdout.write(
    `\nDashboard: open ${server.url}/ in a browser  (API: ${server.url}/api, description: ${server.url}/openapi.json)\n`,
  );
  const writes = !server.writesEnabled
    ? 'locked (listening beyond loopback without RASAD_TOKEN)'
    : server.writesOpen
      ? 'open to this machine (loopback)'
      : 'need the bearer token in RASAD_TOKEN';
  process.stdout.write(`Write endpoints: ${writes}. Stop with Ctrl-C.\n`);
  await untilSignal();
  await server.close();
  return 0;
}

export async function runWorker(o: {
  db: string;
  concurrency?: string;
  untilEmpty?: boolean;
}): Promise<number> {
  if (!isPostgresUrl(o.db))
    throw new RasadError(
      'BAD_ARGUMENT',
      `--db "${o.db}": workers need a postgres:// URL of the shared store`,
    );
  const concurrency = intOption('concurrency', o.concurrency, 1, 64);
  const { startWorker } = await import('../worker/index.js');
  const worker = await startWorker({
    url: o.db,
    concurrency: Math.max(1, concurrency),
    untilEmpty: o.untilEmpty,
    onProcessed: (p) => {
      if (p.status === 'failed')
        process.stderr.write(`rasad: article "${p.article}" failed: ${p.error ?? ''}\n`);
      if (p.status === 'missing') process.stderr.write(`rasad: article "${p.article}" is not in the store\n`);
    },
    onError: (e) => process.stderr.write(`rasad: worker: ${e.message}\n`),
  });
  process.stderr.write(`rasad: worker on the queue of ${redactUrl(o.db)}\n`);
  const stopped = untilSignal().then(() => worker.stop());
  await Promise.race([worker.done, stopped]);
  await worker.stop();
  const s = worker.stats;
  process.stderr.write(
    `rasad: worker stopped: ${s.done} article(s) done, ${s.failed} failed, ${s.missing} missing, ${s.lost} handed back\n`,
  );
  return s.failed > 0 ? 2 : 0;
}

/** `90s`, `10m`, `1h` or plain seconds → milliseconds. */
export function parseDuration(option: string, v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(v.trim());
  if (!m)
    throw new RasadError('BAD_ARGUMENT', `--${option} "${v}": expected a duration such as 90s, 10m or 1h`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  const ms = unit === 'ms' ? n : unit === 's' ? n * 1000 : unit === 'm' ? n * 60_000 : n * 3_600_000;
  if (ms < 1000) throw new RasadError('BAD_ARGUMENT', `--${option} "${v}": at least one second`);
  return ms;
}

export async function runWatch(
  feeds: string,
  o: { db?: string; interval?: string; once?: boolean },
): Promise<number> {
  const intervalMs = parseDuration('interval', o.interval ?? '10m');
  const { watchFeeds } = await import('../io/watch.js');
  const store = await openStore(o.db);
  const controller = new AbortController();
  const onItems = async (items: ReadItem[]) => {
    async function* gen(): AsyncGenerator<ReadItem> {
      yield* items;
    }
    const s = await ingestItems(store, gen(), { onProblem: (m) => process.stderr.write(`rasad: ${m}\n`) });
    process.stdout.write(`${new Date().toISOString()} ${renderIngestSummary(s, store.location)}`);
    if (o.once) controller.abort();
  };
  try {
    const done = watchFeeds(feeds, { intervalMs, onItems, signal: controller.signal });
    if (!o.once) void untilSignal().then(() => controller.abort());
    await done;
  } finally {
    await store.close();
  }
  return 0;
}
