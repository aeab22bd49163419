import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { RasadError } from '../errors.js';
import type { StoredEvent } from '../store/types.js';
import { exportEvents, parseExportFormat } from './index.js';
import { ALL, captureStream, fromArray, many, VISIT } from './test-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'rasad-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rejection(p: Promise<unknown>): Promise<RasadError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(RasadError);
    return e as RasadError;
  }
  throw new Error('expected a RasadError');
}

describe('exportEvents', () => {
  it('writes JSONL of merged events with their mentions to a stream', async () => {
    const cap = captureStream();
    const counts = await exportEvents(fromArray(ALL), 'jsonl', { stream: cap.stream });
    expect(counts).toEqual({ events: 4, rows: 4, mentions: 2, skipped: 0 });
    const lines = cap.text().split('\n');
    expect(lines.pop()).toBe('');
    const back = lines.map((l) => JSON.parse(l) as StoredEvent);
    expect(back).toEqual(ALL);
    expect(back[0]!.mentions![1]!.record.trigger.text).toBe('استقبل');
  });

  it('drops mentions from JSONL when asked', async () => {
    const cap = captureStream();
    await exportEvents(fromArray([VISIT]), 'jsonl', { stream: cap.stream }, { mentions: false });
    const back = JSON.parse(cap.text()) as StoredEvent;
    expect(back.mentions).toBeUndefined();
    expect(back.id).toBe(VISIT.id);
  });

  it('writes every format to a file', async () => {
    for (const f of ['jsonl', 'gdelt', 'plover', 'csv', 'parquet'] as const) {
      const path = join(dir, `all.${f}`);
      const counts = await exportEvents(fromArray(ALL), f, { path });
      expect(counts.events).toBe(4);
      const bytes = readFileSync(path);
      expect(bytes.length).toBeGreaterThan(0);
      if (f === 'parquet') expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
      if (f === 'gdelt')
        expect(
          bytes
            .toString('utf8')
            .split('\n')
            .filter((l) => l).length,
        ).toBe(4);
    }
  });

  it('refuses unknown formats, Parquet without a file, and unwritable paths', async () => {
    expect(() => parseExportFormat('xlsx')).toThrow(/jsonl, gdelt, plover, csv, parquet/);
    expect(parseExportFormat(' GDELT ')).toBe('gdelt');
    const unknown = await rejection(exportEvents(fromArray(ALL), 'xml', { stream: captureStream().stream }));
    expect(unknown.code).toBe('UNKNOWN_EXPORT_FORMAT');
    const parquet = await rejection(exportEvents(fromArray(ALL), 'parquet', { stream: process.stdout }));
    expect(parquet.code).toBe('BAD_ARGUMENT');
    expect(parquet.message).toMatch(/--out/);
    const none = await rejection(exportEvents(fromArray(ALL), 'csv', {}));
    expect(none.code).toBe('BAD_ARGUMENT');
    const noDir = await rejection(
      exportEvents(fromArray(ALL), 'csv', { path: join(dir, 'missing', 'x.csv') }),
    );
    expect(noDir.code).toBe('OUTPUT_UNWRITABLE');
    expect(noDir.message).toContain('missing');
    expect(noDir.message).toMatch(/directory does not exist/);
    const isDir = await rejection(exportEvents(fromArray(ALL), 'parquet', { path: dir }));
    expect(isDir.code).toBe('OUTPUT_UNWRITABLE');
    expect(isDir.message).toMatch(/is a directory/);
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports a read-only file as unwritable (root may write anywhere)',
    async () => {
      const path = join(dir, 'readonly.csv');
      writeFileSync(path, '');
      chmodSync(path, 0o444);
      const e = await rejection(exportEvents(fromArray(ALL), 'csv', { path }));
      expect(e.code).toBe('OUTPUT_UNWRITABLE');
    },
  );

  it('waits for a slow stream instead of buffering everything', async () => {
    let written = 0;
    let maxBuffered = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, cb) {
        // what is still queued behind this chunk when the stream gets to it
        maxBuffered = Math.max(maxBuffered, slow.writableLength);
        written += chunk.length;
        setImmediate(cb);
      },
    });
    const counts = await exportEvents(many(3000), 'gdelt', { stream: slow });
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(counts.rows).toBe(3000);
    expect(written).toBeGreaterThan(3000 * 100);
    // never more than the high-water mark plus one line waiting in the stream
    expect(maxBuffered).toBeLessThan(1024 + 2048);
  });
});
