/**
 * Keeping the PostgreSQL summary tables (`actors`, `code_overlap`, `month_stats`, `pair_stats`; see
 * src/store/summaries.ts) in step with a write: the changes of every event the call touched are
 * summed per row in memory, then each table gets one upsert and one prune of emptied rows. Rows
 * are upserted in key order, so concurrent writers lock them in one order.
 */
import type pg from 'pg';
import type { Contribution } from '../summaries.js';

/** A summary table: its key columns, the columns summed, and those kept from the newest event. */
interface Table {
  name: string;
  keys: Record<string, string>;
  sums: Record<string, string>;
  latest?: Record<string, string>;
}

const ACTORS: Table = {
  name: 'actors',
  keys: { code: 'text', actor: 'text' },
  sums: { events: 'integer' },
  latest: { name: 'text', country: 'text' },
};
const OVERLAP: Table = { name: 'code_overlap', keys: { code: 'text' }, sums: { events: 'integer' } };
const MONTHS: Table = {
  name: 'month_stats',
  keys: { month: 'text', quad: 'integer' },
  sums: { events: 'integer', gsum: 'double precision' },
};
const PAIRS: Table = {
  name: 'pair_stats',
  keys: { source_code: 'text', target_code: 'text' },
  sums: { events: 'integer', gsum: 'double precision' },
};

type Row = Record<string, string | number | null>;

/** Upsert rows (keys, summed changes, latest values) into a table, then drop its emptied rows. */
async function upsert(client: pg.PoolClient, t: Table, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const keys = Object.keys(t.keys);
  const cols = [...keys, ...Object.keys(t.sums), ...Object.keys(t.latest ?? {})];
  const types = { ...t.keys, ...t.sums, ...t.latest };
  const record = cols.map((c) => `${c} ${types[c]}`).join(', ');
  const set = [
    ...Object.keys(t.sums).map((c) => `${c} = ${t.name}.${c} + excluded.${c}`),
    ...Object.keys(t.latest ?? {}).map((c) => `${c} = coalesce(excluded.${c}, ${t.name}.${c})`),
  ].join(', ');
  const json = JSON.stringify(rows);
  await client.query(
    `INSERT INTO ${t.name} (${cols.join(', ')})
     SELECT ${cols.join(', ')} FROM json_to_recordset($1::json) AS x(${record}) ORDER BY ${keys.join(', ')}
     ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set}`,
    [json],
  );
  await client.query(
    `DELETE FROM ${t.name} WHERE (${keys.join(', ')}) IN (SELECT ${keys.join(', ')} FROM json_to_recordset($1::json)
       AS x(${keys.map((c) => `${c} ${t.keys[c]}`).join(', ')})) AND events <= 0`,
    [json],
  );
}

/** The summed changes of one write to the summary tables. */
export class SummaryChanges {
  private readonly tables = new Map<Table, Map<string, Row>>([
    [ACTORS, new Map()],
    [OVERLAP, new Map()],
    [MONTHS, new Map()],
    [PAIRS, new Map()],
  ]);

  private row(t: Table, key: Row): Row {
    const rows = this.tables.get(t) as Map<string, Row>;
    const k = Object.values(key).join('\u0000');
    let row = rows.get(k);
    if (!row) {
      row = { ...key };
      for (const c of Object.keys(t.sums)) row[c] = 0;
      for (const c of Object.keys(t.latest ?? {})) row[c] = null;
      rows.set(k, row);
    }
    return row;
  }

  /** Add (sign 1) or take back (sign -1) what an event contributes. */
  add(c: Contribution, sign: 1 | -1): void {
    for (const a of c.actors) {
      const row = this.row(ACTORS, { code: a.code, actor: a.actor });
      row.events = (row.events as number) + sign;
      if (sign > 0) {
        row.name = a.name ?? row.name ?? null;
        row.country = a.country ?? row.country ?? null;
      }
    }
    if (c.overlap) {
      const row = this.row(OVERLAP, { code: c.overlap });
      row.events = (row.events as number) + sign;
    }
    if (c.month) {
      const row = this.row(MONTHS, { month: c.month.month, quad: c.month.quad });
      row.events = (row.events as number) + sign;
      row.gsum = (row.gsum as number) + sign * c.month.goldstein;
    }
    if (c.pair) {
      const row = this.row(PAIRS, { source_code: c.pair.source, target_code: c.pair.target });
      row.events = (row.events as number) + sign;
      row.gsum = (row.gsum as number) + sign * c.pair.goldstein;
    }
  }

  /** Write the changes (rows that changed nothing are left alone). */
  async write(client: pg.PoolClient): Promise<void> {
    for (const [t, rows] of this.tables) {
      const changed = [...rows.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, r]) => r)
        .filter((r) => Object.keys(t.sums).some((c) => r[c] !== 0) || r.name != null);
      await upsert(client, t, changed);
    }
  }
}
