/**
 * The SQLite backend: the store contract on an in-memory store and on a file, plus what only SQLite
 * has (migrations, reopening a file, openStore's errors).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { RasadError } from '../../src/errors.js';
import { openStore } from '../../src/store/open.js';
import { appliedVersions, connect, migrate } from '../../src/store/sqlite/database.js';
import { MIGRATIONS, openSqliteStore } from '../../src/store/sqlite/index.js';
import { storeContract } from './contract.js';
import { overlapReports, report } from './records.js';

/** Events naming one code on both sides under two actor ids, per code, recounted from `events`. */
const OVERLAP_RECOUNT = `SELECT source_code AS code, count(*) AS events FROM events
  WHERE source_code = target_code AND coalesce(source_actor, '') <> coalesce(target_actor, '')
  GROUP BY 1 ORDER BY 1`;

const dir = mkdtempSync(join(tmpdir(), 'rasad-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract('sqlite :memory:', () => openSqliteStore(':memory:'));
storeContract('sqlite file', () => openSqliteStore(join(dir, `contract-${n++}.db`)));

describe('sqlite specifics', () => {
  it('records every migration once, and a second run applies nothing', () => {
    const path = join(dir, 'migrate.db');
    const db = connect(path);
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    expect(appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('applies only the migrations a file lacks, in order', () => {
    const db = connect(':memory:');
    const extra = [
      ...MIGRATIONS,
      { version: 1000, name: 'test column', sql: 'ALTER TABLE articles ADD COLUMN test_note TEXT' },
    ];
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db, extra)).toEqual([1000]);
    expect(migrate(db, extra)).toEqual([]);
    expect(() => migrate(db, MIGRATIONS)).toThrow(/newer version of Rasad/);
    db.close();
  });

  it('rolls back a failing migration entirely', () => {
    const db = connect(':memory:');
    const bad = [{ version: 1, name: 'half', sql: 'CREATE TABLE ok_part (x); CREATE TABLE broken (' }];
    expect(() => migrate(db, bad)).toThrow();
    expect(appliedVersions(db)).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'ok_part'").pluck().get()).toBe(0);
    db.close();
  });

  it('keeps its data when reopened, through openStore', async () => {
    const path = join(dir, 'reopen.db');
    const s1 = await openStore(path);
    expect(s1.kind).toBe('sqlite');
    expect(s1.location).toBe(path);
    await s1.putArticles([report('r1', '2025-01-01', 'a'), report('r2', '2025-01-02', 'b')]);
    await s1.close();
    const s2 = await openStore(path);
    expect(await s2.counts()).toMatchObject({ articles: 2, mentions: 2, events: 1 });
    expect((await s2.queryEvents({})).events[0]!.num_sources).toBe(2);
    expect((await s2.overview()).events).toBe(1);
    await s2.putArticles([report('r3', '2025-01-02', 'c')]);
    expect((await s2.overview()).mentions).toBe(3);
    await s2.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    raw.close();
  });

  it('sees writes of another connection in cached views', async () => {
    const path = join(dir, 'two-connections.db');
    const a = await openSqliteStore(path);
    const b = await openSqliteStore(path);
    await a.putArticles([report('c1', '2025-01-01', 'a')]);
    expect((await b.overview()).events).toBe(1);
    expect((await b.network({})).edges).toHaveLength(1);
    await a.putArticles([report('c2', '2025-03-01', 'a', { code: '111' })]);
    expect((await b.overview()).events).toBe(2);
    expect((await b.network({})).edges).toHaveLength(1);
    expect((await b.network({})).edges[0]!.events).toBe(2);
    await a.close();
    await b.close();
  });

  it('openStore names the location and what was expected when it cannot open it', async () => {
    await expect(openStore(dir)).rejects.toThrow(RasadError);
    await expect(openStore(dir)).rejects.toThrow(/is a directory \(expected a SQLite file/);
    await expect(openStore(join(dir, 'missing', 'x.db'))).rejects.toThrow(/does not exist/);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not a database, just some text long enough to be a header block........');
    await expect(openStore(junk)).rejects.toThrow(/junk\.db.*expected a Rasad SQLite database/);
    await expect(openStore('  ')).rejects.toThrow(/empty/);
  });

  it('keeps counters and summary tables equal to a recount after puts, replacements and failures', async () => {
    const path = join(dir, 'summaries.db');
    const s = await openSqliteStore(path);
    const assad = {
      code: 'SYRGOV',
      country: 'SYR',
      actor: 'rasad:a',
      name: 'A',
      text: 'x',
      start: 0,
      end: 1,
    };
    await s.putArticles([
      report('s1', '2025-01-01', 'a'),
      report('s2', '2025-01-02', 'b', { source: assad }),
      report('s3', '2025-01-02', 'c', { code: '111', source: 'USA', target: 'IRN' }),
      report('s4', '2025-02-10', 'd', { code: '190', source: 'SYRMIL', target: null, date: '2025-02' }),
      report('s5', null, 'e', { code: '051', source: 'ISR', target: 'PSE' }),
      report('s6', '2025-03-01', 'f', {
        code: '036',
        source: 'RUSGOV',
        target: 'SYRGOV',
        modality: 'future',
      }),
    ]);
    await s.replaceEvents('s1', []);
    await s.replaceEvents('s3', [
      report('x', '2025-01-02', 'c', { code: '0311', source: 'EGY', target: 'SAU' }).events![0]!,
    ]);
    await s.putArticles([
      report('s4', '2025-02-11', 'd', { code: '043', source: 'SYRGOV', target: 'RUSGOV' }),
      report('s7', '2025-04-01', 'g', { code: '042', source: assad, target: 'SYRGOV' }),
      report('s8', '2025-04-03', 'h', { code: '111', source: 'SYRGOV', target: assad }),
    ]);
    await s.replaceEvents('s8', [
      report('y', '2025-04-03', 'h', { code: '0311', source: 'IRNGOV', target: 'IRNGOV' }).events![0]!,
    ]);
    await s.markFailed('s5', 'broken');
    await s.putArticles([{ ...report('p', '2025-01-01', 'z'), events: null }]);
    await s.close();

    const db = new Database(path, { readonly: true });
    const rows = (sql: string) => db.prepare(sql).all();
    const counters = Object.fromEntries(
      (rows('SELECT name, n FROM counters') as Array<{ name: string; n: number }>).map((r) => [r.name, r.n]),
    );
    expect(counters).toEqual({
      articles: db.prepare('SELECT count(*) FROM articles').pluck().get(),
      pending: db.prepare("SELECT count(*) FROM articles WHERE status = 'pending'").pluck().get(),
      failed: db.prepare("SELECT count(*) FROM articles WHERE status = 'failed'").pluck().get(),
      mentions: db.prepare('SELECT count(*) FROM mentions').pluck().get(),
      events: db.prepare('SELECT count(*) FROM events').pluck().get(),
    });
    expect(counters).toMatchObject({ articles: 9, pending: 1, failed: 1 });
    expect(rows('SELECT code, actor, events FROM actors ORDER BY code, actor')).toEqual(
      rows(`SELECT code, actor, count(*) AS events FROM (
              SELECT seq, source_code AS code, coalesce(source_actor, '') AS actor FROM events WHERE source_code IS NOT NULL
              UNION
              SELECT seq, target_code, coalesce(target_actor, '') FROM events WHERE target_code IS NOT NULL)
            GROUP BY code, actor ORDER BY code, actor`),
    );
    expect(
      rows('SELECT month, quad, events, round(gsum, 6) AS g FROM month_stats ORDER BY month, quad'),
    ).toEqual(
      rows(`SELECT month, quad, count(*) AS events, round(sum(goldstein), 6) AS g FROM events
            WHERE month IS NOT NULL GROUP BY month, quad ORDER BY month, quad`),
    );
    expect(
      rows('SELECT source_code, target_code, events, q1, q2, q3, q4 FROM pair_stats ORDER BY 1, 2'),
    ).toEqual(
      rows(`SELECT source_code, target_code, count(*) AS events, sum(quad = 1) AS q1, sum(quad = 2) AS q2,
              sum(quad = 3) AS q3, sum(quad = 4) AS q4 FROM events
            WHERE source_code IS NOT NULL AND target_code IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`),
    );
    expect(rows('SELECT code, events FROM code_overlap ORDER BY code')).toEqual([
      { code: 'SYRGOV', events: 1 },
    ]);
    expect(rows('SELECT code, events FROM code_overlap ORDER BY code')).toEqual(rows(OVERLAP_RECOUNT));
    expect(db.prepare("SELECT count(*) FROM actors WHERE code = 'USA'").pluck().get()).toBe(0);
    db.close();
  });

  it('builds code_overlap from the stored events when migrating a file that lacks it', async () => {
    const path = join(dir, 'overlap-migration.db');
    const s1 = await openSqliteStore(path);
    await s1.putArticles(overlapReports());
    const before = await s1.overview();
    await s1.close();
    const raw = new Database(path);
    raw.exec('DROP TABLE code_overlap; DELETE FROM schema_migrations WHERE version = 2');
    raw.close();
    const s2 = await openSqliteStore(path);
    expect(await s2.overview()).toEqual(before);
    expect(before.actors.map((a) => [a.code, a.events])).toEqual([
      ['SYRGOV', 2],
      ['RUSGOV', 1],
    ]);
    await s2.close();
  });

  it('openStore sends postgres URLs to the PostgreSQL backend and never prints the password', async () => {
    const url = 'postgres://rasad:secret-pw@127.0.0.1:1/rasad';
    const err = await openStore(url).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).not.toContain('secret-pw');
  });

  it('opens :memory: through openStore', async () => {
    const s = await openStore(':memory:');
    expect(await s.counts()).toEqual({ articles: 0, pending: 0, failed: 0, mentions: 0, events: 0 });
    await s.close();
  });
});
