/**
 * A worker process: `node dist/src/worker/main.js --db postgres://... [--concurrency N]`.
 * Prints one JSON line per job on standard output (`{"article","job","status","mentions","ms","pid"}`)
 * and problems on standard error; stops on SIGTERM or SIGINT after the jobs in hand, or by itself
 * with `--until-empty` once the queue is drained. `--enqueue-pending` first queues every pending
 * article of the store.
 */
import { Command, InvalidArgumentError } from 'commander';
import { RasadError } from '../errors.js';
import { enqueuePending } from './queue.js';
import { startWorker } from './worker.js';

function number(min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min)
      throw new InvalidArgumentError(`expected a number of at least ${min}`);
    return n;
  };
}

interface Options {
  db: string;
  concurrency?: number;
  untilEmpty?: boolean;
  enqueuePending?: boolean;
  pollSeconds?: number;
  maintenanceSeconds?: number;
  expireSeconds?: number;
  delayMs?: number;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('rasad-worker')
    .description('extract queued articles of a PostgreSQL store')
    .requiredOption('--db <url>', 'the store: postgres://user:password@host:port/database')
    .option('--concurrency <n>', 'jobs at once in this process (default 2)', number(1))
    .option('--until-empty', 'stop once the queue has no unfinished job')
    .option('--enqueue-pending', 'first queue every pending article of the store')
    .option(
      '--expire-seconds <s>',
      'with --enqueue-pending: seconds before a held job goes to another worker',
      number(1),
    )
    .option('--poll-seconds <s>', 'seconds between polls of an empty queue (default 2)', number(0.5))
    .option('--maintenance-seconds <s>', 'seconds between hand-overs of expired jobs (default 60)', number(1))
    .option('--delay-ms <ms>', 'pause before writing each article (testing: slow extraction)', number(0))
    .exitOverride();
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    return (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const o = program.opts<Options>();
  if (o.enqueuePending) {
    const n = await enqueuePending(o.db, o.expireSeconds ? { expireSeconds: o.expireSeconds } : {});
    process.stderr.write(`queued ${n} pending article(s)\n`);
  }
  const controller = new AbortController();
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => controller.abort());
  const worker = await startWorker({
    url: o.db,
    concurrency: o.concurrency,
    untilEmpty: o.untilEmpty === true,
    signal: controller.signal,
    ...(o.pollSeconds !== undefined ? { pollSeconds: o.pollSeconds } : {}),
    ...(o.maintenanceSeconds !== undefined ? { maintenanceSeconds: o.maintenanceSeconds } : {}),
    ...(o.delayMs !== undefined ? { delayMs: o.delayMs } : {}),
    onProcessed: (p) => process.stdout.write(`${JSON.stringify({ ...p, pid: process.pid })}\n`),
    onError: (e) => process.stderr.write(`worker: ${e.message}\n`),
  });
  process.stderr.write(`worker ${process.pid} ready\n`);
  await worker.done;
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const msg = e instanceof RasadError ? `${e.code}: ${e.message}` : (e as Error).stack || String(e);
    process.stderr.write(`worker: ${msg}\n`);
    process.exitCode = 1;
  },
);
