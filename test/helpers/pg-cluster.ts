/**
 * A throw-away PostgreSQL cluster for tests: `initdb` into a fresh temporary directory, start it on a
 * free port (loopback only, fsync off), create a database, and delete everything on `stop()`.
 *
 * The binaries are looked up on PATH, then under /usr/lib/postgresql/<version>/bin (newest first).
 * PostgreSQL refuses to run as root, so when the tests run as root the cluster belongs to the
 * `postgres` user (`runuser -u postgres --`). When the binaries are missing, `pgBinDir()` is null
 * and `PG_SKIP_REASON` says why, for `describe.skipIf`; `scripts/ensure-postgres.sh` installs them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findBinDir(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, 'initdb')) && executable(join(dir, 'pg_ctl'))) return dir;
  }
  let versions: string[] = [];
  try {
    versions = readdirSync('/usr/lib/postgresql');
  } catch {
    return null;
  }
  versions.sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = join('/usr/lib/postgresql', v, 'bin');
    if (executable(join(dir, 'initdb')) && executable(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function postgresUserExists(): boolean {
  return spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status === 0;
}

const binDir = findBinDir();

/** Why PostgreSQL tests cannot run here, or null when they can. */
export const PG_SKIP_REASON: string | null = !binDir
  ? 'PostgreSQL binaries (initdb, pg_ctl) not found on PATH or under /usr/lib/postgresql/*/bin: run scripts/ensure-postgres.sh'
  : isRoot && !postgresUserExists()
    ? 'running as root and there is no `postgres` user to own a test cluster'
    : null;

/** Directory holding `initdb` and `pg_ctl`, or null. */
export function pgBinDir(): string | null {
  return binDir;
}

/** Run a PostgreSQL binary, as the `postgres` user when we are root. */
function runPg(bin: string, args: string[]): void {
  const file = join(binDir ?? '', bin);
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() });
  } catch (err) {
    const e = err as { stderr?: Buffer; stdout?: Buffer; message: string };
    throw new Error(
      `${bin} ${args.join(' ')} failed: ${e.stderr?.toString() || e.stdout?.toString() || e.message}`,
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface PgCluster {
  /** URL of the database created for the test file. */
  url: string;
  /** Create another empty database on the cluster and return its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stop the server and delete its directory. */
  stop(): Promise<void>;
}

let dbCounter = 0;

/** Start a fresh cluster with one database (`rasad_test`). Throws when PG_SKIP_REASON is set. */
export async function startCluster(): Promise<PgCluster> {
  if (PG_SKIP_REASON) throw new Error(PG_SKIP_REASON);
  const root = mkdtempSync(join(tmpdir(), 'rasad-pg-'));
  chmodSync(root, 0o755);
  if (isRoot) execFileSync('chown', ['postgres:postgres', root]);
  const data = join(root, 'data');
  const log = join(root, 'server.log');
  runPg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  let port = 0;
  let started = false;
  for (let attempt = 0; attempt < 3 && !started; attempt++) {
    port = await freePort();
    const opts = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    try {
      runPg('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', opts, 'start']);
      started = true;
    } catch (err) {
      if (attempt === 2) {
        let tail = '';
        try {
          tail = readFileSync(log, 'utf8').slice(-2000);
        } catch {}
        rmSync(root, { recursive: true, force: true });
        throw new Error(`${(err as Error).message}\n${tail}`);
      }
    }
  }
  const base = `postgres://postgres@127.0.0.1:${port}`;
  const createDatabase = async (name?: string): Promise<string> => {
    const db = name ?? `rasad_${process.pid}_${++dbCounter}`;
    const client = new pg.Client({ connectionString: `${base}/postgres` });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${db.replaceAll('"', '""')}"`);
    } finally {
      await client.end();
    }
    return `${base}/${db}`;
  };
  const url = await createDatabase('rasad_test');
  let stopped = false;
  return {
    url,
    createDatabase,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        runPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Rows of the PostgreSQL store's summary tables (`actors`, `month_stats`, `pair_stats`) that differ
 * from a recount over `events`: empty when the writes kept them in step.
 */
export async function summaryMismatches(url: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const actors = await client.query(
      `SELECT coalesce(a.code, x.code) AS code, coalesce(a.actor, x.actor) AS actor, a.events AS stored, x.n AS recount
       FROM actors a FULL JOIN (
         SELECT code, actor, count(*)::int AS n FROM (
           SELECT source_code AS code, coalesce(source_actor, '') AS actor FROM events WHERE source_code IS NOT NULL
           UNION ALL
           SELECT target_code, coalesce(target_actor, '') FROM events WHERE target_code IS NOT NULL
             AND NOT (source_code IS NOT DISTINCT FROM target_code
               AND coalesce(source_actor, '') = coalesce(target_actor, ''))) s
         GROUP BY code, actor) x ON x.code = a.code AND x.actor = a.actor
       WHERE a.events IS DISTINCT FROM x.n`,
    );
    const months = await client.query(
      `SELECT coalesce(m.month, x.month) AS month, coalesce(m.quad, x.quad) AS quad, m.events AS stored, x.n AS recount
       FROM month_stats m FULL JOIN (
         SELECT month, quad, count(*)::int AS n, sum(goldstein) AS g FROM events WHERE month IS NOT NULL GROUP BY 1, 2) x
         ON x.month = m.month AND x.quad = m.quad
       WHERE m.events IS DISTINCT FROM x.n OR abs(m.gsum - x.g) > 1e-6`,
    );
    const pairs = await client.query(
      `SELECT coalesce(p.source_code, x.s) AS s, coalesce(p.target_code, x.t) AS t, p.events AS stored, x.n AS recount
       FROM pair_stats p FULL JOIN (
         SELECT source_code AS s, target_code AS t, count(*)::int AS n, sum(goldstein) AS g FROM events
         WHERE source_code IS NOT NULL AND target_code IS NOT NULL GROUP BY 1, 2) x
         ON x.s = p.source_code AND x.t = p.target_code
       WHERE p.events IS DISTINCT FROM x.n OR abs(p.gsum - x.g) > 1e-6`,
    );
    return [...actors.rows, ...months.rows, ...pairs.rows];
  } finally {
    await client.end();
  }
}
