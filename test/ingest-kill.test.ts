/**
 * Kill and re-run: a `rasad ingest` child process killed with SIGKILL in the middle of a run, then run
 * again, leaves exactly the articles, records and merged events of one clean run.
 * Needs the built CLI (`npm run build`; `npm test` builds first).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import type { StoreCounts } from '../src/store/types.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin', 'rasad.js');
const built = existsSync(join(root, 'dist', 'src', 'cli', 'main.js'));
const dir = mkdtempSync(join(tmpdir(), 'rasad-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Many distinct articles: the project's examples, each in many variants with a distinct closing line. */
function writeInput(n: number): string {
  const base = readFileSync(join(root, 'examples', 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; text: string; published?: string });
  const lines: string[] = [];
  for (let i = 0; lines.length < n; i++) {
    const d = base[i % base.length];
    if (!d) break;
    const k = Math.floor(i / base.length);
    lines.push(JSON.stringify({ ...d, id: `${d.id}-v${k}`, text: `${d.text}\nنسخة رقم ${k}.` }));
  }
  const path = join(dir, 'input.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function ingest(input: string, db: string): ReturnType<typeof spawn> {
  return spawn(process.execPath, [cli, 'ingest', input, '--db', db, '--batch', '50', '--no-progress'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

async function counts(db: string): Promise<StoreCounts> {
  const store = await openStore(db);
  try {
    return await store.counts();
  } finally {
    await store.close();
  }
}

describe.skipIf(!built)('ingest killed with SIGKILL, then re-run', () => {
  it('ends with the counts of a clean run: nothing lost, nothing twice', async () => {
    const input = writeInput(3000);
    const clean = join(dir, 'clean.db');
    expect(await finished(ingest(input, clean))).toBe(0);
    const want = await counts(clean);
    expect(want.articles).toBe(3000);
    expect(want.mentions).toBeGreaterThan(3000);

    const killed = join(dir, 'killed.db');
    const child = ingest(input, killed);
    const exit = finished(child);
    // wait until some batches are committed, then kill without warning
    let seen = 0;
    for (let i = 0; i < 600 && seen < 400; i++) {
      await new Promise((r) => setTimeout(r, 50));
      if (existsSync(killed))
        seen = (await counts(killed).catch(() => ({ articles: 0 }) as StoreCounts)).articles;
    }
    child.kill('SIGKILL');
    await exit;
    const partial = await counts(killed);
    expect(partial.articles).toBeGreaterThan(0);
    expect(partial.articles).toBeLessThan(3000);

    expect(await finished(ingest(input, killed))).toBe(0);
    expect(await counts(killed)).toEqual(want);
  });

  it.skipIf(!built)('a second run of the same input stores nothing new', async () => {
    const input = join(dir, 'input.jsonl');
    const db = join(dir, 'clean.db');
    const before = await counts(db);
    const child = ingest(input, db);
    let out = '';
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
    });
    expect(await finished(child)).toBe(0);
    expect(await counts(db)).toEqual(before);
    expect(out).toContain('3000 already stored');
  });
});
