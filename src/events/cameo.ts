/**
 * The CAMEO event code table (data/cameo/cameo-codes.tsv): root, QuadClass, Goldstein value and
 * PLOVER type of every CAMEO event code. Loaded once and cached.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../kb/load.js';

export type Quad = 1 | 2 | 3 | 4;

export interface CameoInfo {
  /** CAMEO event code: 2-digit root, 3 or 4 digits (`"04"`, `"042"`, `"0311"`). */
  code: string;
  /** 2-digit root (`"04"`). */
  root: string;
  /** QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: Quad;
  /** Goldstein scale value (-10..10). */
  goldstein: number;
  /** PLOVER event type (`CONSULT`), null where PLOVER has none (01x public statements). */
  plover: string | null;
  /** English name of the code (`Make a visit`). */
  name: string;
  /** Notes: PLOVER mode/context, inherited Goldstein value. */
  description: string;
}

export interface CameoTable {
  /** Every code in file order (roots first, then their 3- and 4-digit codes). */
  codes: CameoInfo[];
  byCode: ReadonlyMap<string, CameoInfo>;
  file: string;
}

const COLUMNS = ['code', 'root', 'quad', 'goldstein', 'plover', 'name_en', 'description'];

let cached: CameoTable | null = null;

/** Parse a cameo-codes.tsv text. Exported for tests; `file` is used in error messages. */
export function parseCameoTable(text: string, file: string): CameoTable {
  const codes: CameoInfo[] = [];
  const byCode = new Map<string, CameoInfo>();
  const problems: string[] = [];
  let header = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cols = line.split('\t');
    const at = `${file}:${i + 1}`;
    if (!header) {
      if (cols.join('\t') !== COLUMNS.join('\t'))
        problems.push(`${at}: expected header "${COLUMNS.join(' ')}"`);
      header = true;
      continue;
    }
    if (cols.length !== COLUMNS.length) {
      problems.push(`${at}: expected ${COLUMNS.length} tab-separated columns, found ${cols.length}`);
      continue;
    }
    const [code, root, quad, goldstein, plover, name, description] = cols as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!/^\d{2,4}$/.test(code)) problems.push(`${at}: bad code "${code}"`);
    if (root !== code.slice(0, 2)) problems.push(`${at}: root "${root}" does not match code ${code}`);
    const q = Number(quad);
    if (q !== 1 && q !== 2 && q !== 3 && q !== 4) problems.push(`${at}: quad must be 1..4, found "${quad}"`);
    const g = Number(goldstein);
    if (goldstein === '' || !Number.isFinite(g) || g < -10 || g > 10)
      problems.push(`${at}: goldstein must be a number in -10..10, found "${goldstein}"`);
    if (byCode.has(code)) problems.push(`${at}: duplicate code ${code}`);
    const info: CameoInfo = {
      code,
      root,
      quad: q as Quad,
      goldstein: g,
      plover: plover === '' ? null : plover,
      name,
      description,
    };
    codes.push(info);
    byCode.set(code, info);
  }
  if (!header) problems.push(`${file}: no header line`);
  if (problems.length > 0) throw new Error(`invalid CAMEO table:\n${problems.join('\n')}`);
  return { codes, byCode, file };
}

/** The CAMEO table from data/cameo/cameo-codes.tsv, read once. */
export function loadCameo(): CameoTable {
  if (cached) return cached;
  const file = join(repoRoot(), 'data', 'cameo', 'cameo-codes.tsv');
  cached = parseCameoTable(readFileSync(file, 'utf8'), 'data/cameo/cameo-codes.tsv');
  return cached;
}

/** True when `code` is a CAMEO event code of the table. */
export function isCameoCode(code: string): boolean {
  return loadCameo().byCode.has(code);
}

/** Root, QuadClass, Goldstein value, PLOVER type and name of a CAMEO code; throws for an unknown code. */
export function cameoInfo(code: string): CameoInfo {
  const info = loadCameo().byCode.get(code);
  if (!info) throw new Error(`unknown CAMEO event code "${code}" (not in data/cameo/cameo-codes.tsv)`);
  return info;
}
