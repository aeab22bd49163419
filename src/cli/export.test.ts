import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RasadError } from '../errors.js';
import { GDELT_COLUMNS } from '../export/index.js';
import { ALL, ARTICLES } from '../export/test-fixtures.js';
import type { EventFilter, Store, StoredArticle, StoredEvent } from '../store/types.js';
import { runExport } from './export.js';

const dir = mkdtempSync(join(tmpdir(), 'rasad-cli-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The two methods an export uses, over the fixtures; records how it was called. */
function fakeStore() {
  const calls: Array<{ filter: EventFilter; mentions: boolean }> = [];
  const store = {
    kind: 'memory',
    location: ':memory:',
    async *iterateEvents(filter: EventFilter, opts?: { mentions?: boolean }): AsyncIterable<StoredEvent> {
      calls.push({ filter, mentions: opts?.mentions ?? false });
      for (const e of ALL) {
        if (filter.code && !e.code.startsWith(filter.code)) continue;
        if (opts?.mentions) yield e;
        else {
          const { mentions: _m, ...rest } = e;
          yield rest;
        }
      }
    },
    async getArticle(id: string): Promise<StoredArticle | null> {
      const a = ARTICLES[id];
      if (!a) return null;
      return {
        ...a,
        text: a.text ?? '',
        hash: 'x',
        status: 'done',
        error: null,
        events: 1,
        added: '2025-10-15T00:00:00Z',
      };
    },
  };
  return { store: store as unknown as Store, calls };
}

describe('rasad export', () => {
  it('writes the GDELT table of the filtered events with article URLs and reports counts', async () => {
    const { store, calls } = fakeStore();
    const out = join(dir, 'events.tsv');
    const lines: string[] = [];
    const status = await runExport(store, { code: '04' }, { format: 'gdelt', out, header: true }, (l) =>
      lines.push(l),
    );
    expect(status).toBe(0);
    expect(calls).toEqual([{ filter: { code: '04' }, mentions: true }]);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(GDELT_COLUMNS.join('\t'));
    const cells = rows[1]!.split('\t');
    expect(cells).toHaveLength(61);
    expect(cells[60]).toBe('https://example.org/ar/news/2025/10/15/shaibani-moscow');
    expect(lines).toEqual([`rasad: exported 1 event(s) as gdelt: 1 row(s), 2 mention(s) to ${out}`]);
  });

  it('gives PLOVER mentions their sentences from the stored article texts', async () => {
    const { store } = fakeStore();
    const out = join(dir, 'events.plover.jsonl');
    const lines: string[] = [];
    await runExport(store, {}, { format: 'plover', out }, (l) => lines.push(l));
    const first = JSON.parse(readFileSync(out, 'utf8').split('\n')[0]!);
    expect(first.mentions[0].source_text).toBe(
      'وصل وزير الخارجية السوري أسعد الشيباني إلى موسكو صباح اليوم.',
    );
    expect(lines[0]).toMatch(/1 skipped \(no PLOVER type\)/);
  });

  it('reads mentions for CSV only with --mentions', async () => {
    const { store, calls } = fakeStore();
    await runExport(store, {}, { format: 'csv', out: join(dir, 'a.csv') }, () => {});
    await runExport(
      store,
      {},
      { format: 'csv', out: join(dir, 'b.csv'), mentions: true, bom: true },
      () => {},
    );
    expect(calls.map((c) => c.mentions)).toEqual([false, true]);
    const b = readFileSync(join(dir, 'b.csv'), 'utf8');
    expect(b.startsWith('\uFEFF')).toBe(true);
    expect(b.trimEnd().split('\r\n')).toHaveLength(1 + 2 + 3);
  });

  it('refuses an unknown format and Parquet to standard output before reading the store', async () => {
    const { store, calls } = fakeStore();
    await expect(runExport(store, {}, { format: 'xlsx' }, () => {})).rejects.toThrow(RasadError);
    await expect(runExport(store, {}, { format: 'parquet' }, () => {})).rejects.toThrow(/--out/);
    await expect(runExport(store, {}, { format: 'parquet', out: '-' }, () => {})).rejects.toThrow(/--out/);
    expect(calls).toHaveLength(0);
  });
});
