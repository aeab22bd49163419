import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { numericEventId } from './fields.js';
import { PARQUET_COLUMNS, writeParquet } from './parquet.js';
import { ACCUSATION, ALL, fromArray, many, STATEMENT, VISIT } from './test-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'rasad-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readBack(path: string) {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  return { metadata, rows };
}

describe('Parquet export', () => {
  it('writes typed columns that read back with their values, Arabic strings and nulls', async () => {
    const path = join(dir, 'events.parquet');
    const counts = await writeParquet(fromArray(ALL), path, {});
    expect(counts).toMatchObject({ events: 4, rows: 4, mentions: 2 });
    const { metadata, rows } = await readBack(path);
    expect(Number(metadata.num_rows)).toBe(4);
    const schema = parquetSchema(metadata);
    const types = Object.fromEntries(schema.children.map((c) => [c.element.name, c.element]));
    expect(schema.children.map((c) => c.element.name)).toEqual(PARQUET_COLUMNS.map((c) => c.name));
    expect(types.quad?.type).toBe('INT32');
    expect(types.gdelt_id?.type).toBe('INT64');
    expect(types.goldstein?.type).toBe('DOUBLE');
    expect(types.id?.repetition_type).toBe('REQUIRED');
    expect(types.place_lat?.repetition_type).toBe('OPTIONAL');
    expect(types.added?.converted_type).toBe('TIMESTAMP_MILLIS');

    const [v, a, s] = rows;
    expect(v!.id).toBe(VISIT.id);
    expect(v!.gdelt_id).toBe(numericEventId(VISIT.id));
    expect(v!.source_text).toBe('وزير الخارجية السوري أسعد الشيباني');
    expect(v!.place_name_ar).toBe('موسكو');
    expect(v!.place_lat).toBe(55.752);
    expect(v!.quad).toBe(1);
    expect(v!.goldstein).toBe(1.9);
    expect(v!.num_mentions).toBe(2);
    expect((v!.added as Date).toISOString()).toBe(VISIT.added);
    const ms = v!.mentions as Array<Record<string, unknown>>;
    expect(ms).toHaveLength(2);
    expect(ms[1]).toMatchObject({ trigger: 'استقبل', article: 'rt-2025-10-16-07', date_text: 'أمس' });
    expect(a!.target_text).toBe(ACCUSATION.target!.text);
    expect(a!.place_name).toBeNull();
    expect(a!.place_lat).toBeNull();
    expect(a!.mentions).toBeNull();
    expect(a!.goldstein).toBe(-2);
    expect(s!.date).toBeNull();
    expect(s!.plover).toBeNull();
    expect(s!.target_code).toBeNull();
    expect(s!.source_text).toBe(STATEMENT.source!.text);
    expect(s!.place_name_ar).toBe('مصر');
  });

  it('writes row groups as it goes', async () => {
    const path = join(dir, 'groups.parquet');
    const counts = await writeParquet(many(25), path, { rowGroupSize: 10 });
    expect(counts.rows).toBe(25);
    const { metadata, rows } = await readBack(path);
    expect(metadata.row_groups.map((g) => Number(g.num_rows))).toEqual([10, 10, 5]);
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 25 }, (_, i) => `ev-gen-${i}`));
  });

  it('writes a valid empty file for no events', async () => {
    const path = join(dir, 'empty.parquet');
    await writeParquet(fromArray([]), path, {});
    const { metadata, rows } = await readBack(path);
    expect(Number(metadata.num_rows)).toBe(0);
    expect(rows).toEqual([]);
  });
});
