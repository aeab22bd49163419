/**
 * Reader for the knowledge-base TSV files (format in data/kb/README.md):
 * UTF-8, `#` comment lines, blank lines ignored, a header line naming the columns,
 * cells separated by one TAB, several values in one cell separated by `|`,
 * an empty cell or `-` meaning none.
 */
import type { KbIssue } from './types.js';

export interface TsvSpec {
  /** Columns that must appear in the header. */
  required: readonly string[];
  /** Columns that may appear in the header; a row may leave trailing optional cells out. */
  optional?: readonly string[];
}

export interface TsvRow {
  file: string;
  line: number;
  /** Raw cell by column name ('' for an absent optional cell). */
  get(column: string): string;
}

export interface TsvTable {
  file: string;
  columns: string[];
  rows: TsvRow[];
}

class Row implements TsvRow {
  constructor(
    readonly file: string,
    readonly line: number,
    private readonly cells: string[],
    private readonly index: Map<string, number>,
  ) {}
  get(column: string): string {
    const k = this.index.get(column);
    return k === undefined ? '' : (this.cells[k] ?? '');
  }
}

/** Collects issues; `error()` and `warn()` format `file:line: message`. */
export class IssueList {
  readonly issues: KbIssue[] = [];
  error(file: string, line: number, message: string): void {
    this.issues.push({ severity: 'error', file, line, message });
  }
  warn(file: string, line: number, message: string): void {
    this.issues.push({ severity: 'warning', file, line, message });
  }
  get errorCount(): number {
    let n = 0;
    for (const i of this.issues) if (i.severity === 'error') n++;
    return n;
  }
}

export function formatIssue(i: KbIssue): string {
  return `${i.file}:${i.line}: ${i.severity === 'warning' ? 'warning: ' : ''}${i.message}`;
}

/**
 * Parse TSV text. Structural problems (bad header, wrong cell count, stray spaces
 * around a cell) are added to `issues`; rows with the wrong number of cells are dropped.
 */
export function parseTsv(text: string, file: string, spec: TsvSpec, issues: IssueList): TsvTable {
  const allowed = new Set([...spec.required, ...(spec.optional ?? [])]);
  const lines = text.split('\n');
  let columns: string[] | null = null;
  let index = new Map<string, number>();
  let minCells = 0;
  const rows: TsvRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i]!;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (i === 0 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    const lineNo = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const cells = raw.split('\t');
    if (columns === null) {
      columns = cells.map((c) => c.trim());
      index = new Map();
      let headerOk = true;
      columns.forEach((c, k) => {
        if (!allowed.has(c)) {
          issues.error(file, lineNo, `header: unknown column "${c}" (expected ${[...allowed].join(', ')})`);
          headerOk = false;
        } else if (index.has(c)) {
          issues.error(file, lineNo, `header: column "${c}" appears twice`);
          headerOk = false;
        }
        index.set(c, k);
      });
      for (const r of spec.required) {
        if (!index.has(r)) {
          issues.error(file, lineNo, `header: missing column "${r}"`);
          headerOk = false;
        }
      }
      if (!headerOk) return { file, columns, rows: [] };
      // the last required column fixes the minimum number of cells
      minCells = Math.max(...spec.required.map((r) => index.get(r)! + 1));
      continue;
    }
    if (cells.length > columns.length || cells.length < minCells) {
      issues.error(
        file,
        lineNo,
        `expected ${columns.length} tab-separated cells (${columns.join(', ')}), got ${cells.length}`,
      );
      continue;
    }
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k]!;
      if (c !== c.trim()) {
        issues.error(file, lineNo, `column ${columns[k]}: leading or trailing space in "${c}"`);
        cells[k] = c.trim();
      }
    }
    rows.push(new Row(file, lineNo, cells, index));
  }
  if (columns === null) issues.error(file, 1, 'no header line');
  return { file, columns: columns ?? [], rows };
}

/** True for an empty cell or `-`. */
export function isNone(cell: string): boolean {
  return cell === '' || cell === '-';
}

/** Split a `|`-separated cell; empty / `-` gives []. Empty items are reported. */
export function splitList(row: TsvRow, column: string, issues: IssueList, sep = '|'): string[] {
  const cell = row.get(column);
  if (isNone(cell)) return [];
  const out: string[] = [];
  for (const part of cell.split(sep)) {
    const v = part.trim();
    if (v === '') {
      issues.error(row.file, row.line, `column ${column}: empty item in "${cell}"`);
      continue;
    }
    if (v !== part) issues.error(row.file, row.line, `column ${column}: space around "${v}"`);
    out.push(v);
  }
  return out;
}
