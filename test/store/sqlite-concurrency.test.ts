/**
 * Two processes on one new SQLite file: both open it at the same moment (migrations must be applied
 * once), then interleave writes that merge into the same event. The children run the built library
 * (`npx tsc -p tsconfig.build.json` → dist/); the test is skipped when dist is missing or older than
 * the sources.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';

const root = process.cwd();
const distOpen = resolve(root, 'dist/src/store/open.js');

function newestMtime(dir: string): number {
  let t = 0;
  for (const f of readdirSync(dir, { recursive: true }) as string[])
    if (f.endsWith('.ts') && !f.endsWith('.test.ts')) t = Math.max(t, statSync(join(dir, f)).mtimeMs);
  return t;
}

const distReady =
  existsSync(distOpen) &&
  statSync(resolve(root, 'dist/src/store/sqlite/write.js')).mtimeMs >=
    newestMtime(resolve(root, 'src/store/sqlite'));
if (!distReady)
  console.warn('sqlite-concurrency: dist/ is missing or stale; run `npx tsc -p tsconfig.build.json`');

const CHILD = `
import { createHash } from 'node:crypto';
const [, , lib, path, who, startAt, n] = process.argv;
const { openStore } = await import(lib);
while (Date.now() < Number(startAt)) {}
const store = await openStore(path);
let newEvents = 0;
for (let i = 0; i < Number(n); i++) {
  const id = who + '-' + i;
  const text = 'خبر ' + id + ': التقى الوزيران في دمشق.';
  const record = {
    id: id + '-r', article: id, sentence: 0, code: '042', root: '04', quad: 1, goldstein: 1.9,
    source: { code: 'SYRGOV', country: 'SYR', actor: null, name: null, text: 'x', start: 0, end: 1 },
    target: { code: 'RUSGOV', country: 'RUS', actor: null, name: null, text: 'y', start: 2, end: 3 },
    date: '2025-03-0' + (1 + (i % 2)), date_text: null, place: null, modality: 'asserted', attribution: null,
    trigger: { text: 'خبر', start: 0, end: 3 }, pattern: 'test', confidence: 0.7,
  };
  const r = await store.putArticles([{ doc: { id, text, published: '2025-03-01', source: who },
    hash: createHash('sha256').update(text).digest('hex'), events: [record] }]);
  newEvents += r.newEvents;
}
const counts = await store.counts();
await store.close();
console.log(JSON.stringify({ newEvents, counts }));
`;

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('close', (code) => done({ code, out, err }));
  });
}

describe('sqlite: two processes on one new file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasad-conc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!distReady)('apply the migrations once and merge each other’s reports', async () => {
    const script = join(dir, 'child.mjs');
    writeFileSync(script, CHILD);
    const path = join(dir, 'shared.db');
    const startAt = String(Date.now() + 1500);
    const n = 15;
    const [a, b] = await Promise.all([
      run([script, distOpen, path, 'alpha', startAt, String(n)]),
      run([script, distOpen, path, 'beta', startAt, String(n)]),
    ]);
    expect(a.err).toBe('');
    expect(b.err).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    const ra = JSON.parse(a.out) as { newEvents: number };
    const rb = JSON.parse(b.out) as { newEvents: number };
    // every report is of the same event (days 1 and 2 of March): exactly one process created it
    expect(ra.newEvents + rb.newEvents).toBe(1);

    const db = new Database(path, { readonly: true });
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2 * n);
    const ev = db.prepare('SELECT * FROM events').all() as Array<{
      num_mentions: number;
      num_articles: number;
      num_sources: number;
    }>;
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ num_mentions: 2 * n, num_articles: 2 * n, num_sources: 2 });
    expect(db.prepare('SELECT events FROM pair_stats').pluck().all()).toEqual([1]);
    db.close();
  });
});
