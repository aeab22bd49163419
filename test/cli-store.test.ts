/**
 * The store commands end to end through the built CLI, on a temporary SQLite store:
 * demo (main job without the server), ingest (twice: stored once), events, actors, actor,
 * relation, search, export, reprocess, and clear errors for bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin', 'rasad.js');
const built = existsSync(join(root, 'dist', 'src', 'cli', 'main.js'));
const work = mkdtempSync(join(tmpdir(), 'rasad-cli-store-'));
const db = join(work, 'store.db');
const examples = join(root, 'examples', 'articles.jsonl');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function rasad(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    cwd: work,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!built)('store commands', () => {
  it('the main job ingests the examples into the default store and shows a summary', () => {
    const r = rasad(['--no-serve']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/10 document\(s\) read, 10 stored/);
    expect(r.stdout).toMatch(/store now holds 10 article\(s\), \d+ event record\(s\), \d+ merged event\(s\)/);
    expect(existsSync(join(work, 'rasad.db'))).toBe(true);
    // again: nothing new
    const again = rasad(['--no-serve']);
    expect(again.stdout).toMatch(/10 document\(s\) read, 0 stored, 10 already stored/);
  });

  it('ingest stores each article once and reports what it did', () => {
    const first = rasad(['ingest', examples, '--db', db, '--no-progress']);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/10 stored, 0 already stored, 0 failed, 0 malformed/);
    const second = rasad(['ingest', examples, '--db', db, '--no-progress']);
    expect(second.stdout).toMatch(/0 stored, 10 already stored/);
  });

  it('a malformed line is reported with file and line; the rest is stored; exit status 2', () => {
    const bad = join(work, 'bad.jsonl');
    writeFileSync(
      bad,
      `{"id":"ok-1","text":"وصل وزير الخارجية السوري إلى موسكو أمس."}\nnot json\n{"id":"ok-2","text":"استقبل الرئيس المصري وزير الخارجية الأردني."}\n`,
    );
    const r = rasad(['ingest', bad, '--db', join(work, 'bad.db'), '--no-progress']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}:2`);
    expect(r.stdout).toMatch(/2 document\(s\) read, 2 stored, 0 already stored, 0 failed, 1 malformed/);
  });

  it('events: a table, JSON Lines, filters', () => {
    const table = rasad(['events', '--db', db]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/of \d+ event\(s\)/);
    const json = rasad(['events', '--db', db, '--json', '--limit', '1000']);
    const all = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { code: string; quad: number; source: { code: string } | null });
    expect(all.length).toBeGreaterThan(5);
    const conflict = rasad(['events', '--db', db, '--json', '--quad', '3,4', '--limit', '1000']);
    const c =
      conflict.stdout.trim() === ''
        ? []
        : conflict.stdout
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as { quad: number });
    expect(c.every((e) => e.quad === 3 || e.quad === 4)).toBe(true);
    expect(c.length).toBe(all.filter((e) => e.quad >= 3).length);
    const withMentions = rasad(['events', '--db', db, '--json', '--mentions', '--limit', '1']);
    const one = JSON.parse(withMentions.stdout.trim()) as {
      mentions: { article: string; start: number; end: number; trigger: string }[];
    };
    expect(one.mentions.length).toBeGreaterThan(0);
    const docs = readFileSync(examples, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; text: string });
    for (const m of one.mentions) {
      const d = docs.find((x) => x.id === m.article);
      expect(d?.text.slice(m.start, m.end)).toBe(m.trigger);
    }
  });

  it('events: bad filters are refused with the option and what was expected', () => {
    const r = rasad(['events', '--db', db, '--quad', '7']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--quad "7": expected quad classes 1-4/);
    const d = rasad(['events', '--db', db, '--from', '1 May']);
    expect(d.stderr).toMatch(/--from "1 May": expected a date YYYY-MM-DD/);
  });

  it('actors, actor, relation and search answer from the store', () => {
    const actors = rasad(['actors', '--db', db, '--json']);
    expect(actors.status).toBe(0);
    const list = actors.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { code: string; events: number });
    expect(list.length).toBeGreaterThan(0);
    const top = list[0] as { code: string; events: number };
    const profile = rasad(['actor', top.code, '--db', db, '--json']);
    expect(profile.status).toBe(0);
    expect((JSON.parse(profile.stdout) as { events: number }).events).toBeGreaterThan(0);
    const rel = rasad(['relation', 'SYR', 'RUS', '--db', db]);
    expect(rel.status).toBe(0);
    expect(rel.stdout).toMatch(/^SYR ↔ RUS: \d+ events/);
    const arabic = rasad(['relation', 'سوريا', 'روسيا', '--db', db]);
    expect(arabic.stdout).toBe(rel.stdout);
    const unknown = rasad(['actor', 'كلام عام', '--db', db]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no known actor in it/);
    const search = rasad(['search', 'موسكو', '--db', db, '--json']);
    expect(search.status).toBe(0);
  });

  it('export writes each format', () => {
    for (const format of ['jsonl', 'gdelt', 'plover', 'csv']) {
      const r = rasad(['export', '--db', db, '--format', format]);
      expect(r.status, `${format}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
    }
    const gdelt = rasad(['export', '--db', db, '--format', 'gdelt']);
    for (const line of gdelt.stdout.trim().split('\n')) expect(line.split('\t')).toHaveLength(61);
    const parquet = join(work, 'events.parquet');
    expect(rasad(['export', '--db', db, '--format', 'parquet', '--out', parquet]).status).toBe(0);
    expect(readFileSync(parquet).subarray(0, 4).toString()).toBe('PAR1');
    const unknown = rasad(['export', '--db', db, '--format', 'xml']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/xml/);
  });

  it('reprocess re-extracts every stored article and keeps the counts of a fresh ingest', () => {
    const before = rasad(['events', '--db', db, '--json', '--limit', '1000']).stdout;
    const r = rasad(['reprocess', '--db', db, '--no-progress']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/10 article\(s\) re-extracted, 0 failed/);
    const after = rasad(['events', '--db', db, '--json', '--limit', '1000']).stdout;
    const key = (s: string) =>
      s
        .trim()
        .split('\n')
        .map((l) => {
          const e = JSON.parse(l) as { code: string; date: string; num_mentions: number };
          return `${e.code}|${e.date}|${e.num_mentions}`;
        })
        .sort();
    expect(key(after)).toEqual(key(before));
  });

  it('--queue needs a PostgreSQL store', () => {
    const r = rasad(['ingest', examples, '--db', db, '--queue']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--queue needs --db postgres:\/\//);
  });
});
