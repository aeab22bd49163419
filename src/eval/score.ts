/**
 * Scoring of event records against gold documents, at the three levels of
 * ../shared/gold/score.py (a faithful port: `rasad eval` must print the same numbers).
 *
 *   root : (CAMEO root, source country, target country, irrealis)
 *   code : (3-digit code, source code, target code, irrealis); a gold code matches any
 *          predicted code it prefixes (SYR ~ SYRGOV)
 *   full : code-level match whose date (within tolerance) and place country agree
 * Symmetric codes (040 041 044 046 057) match either direction; a gold actor of null
 * matches any predicted actor. Predictions matching only optional gold events are neither
 * right nor wrong.
 */

export interface GoldEvent {
  code: string;
  source: string | null;
  target: string | null;
  date?: string | null;
  date_tolerance_days?: number;
  place?: string | null;
  modality?: string;
  required?: boolean;
  note?: string;
}

export interface GoldDocument {
  id: string;
  text: string;
  published?: string | null;
  events: GoldEvent[];
}

export type Level = 'root' | 'code' | 'full';
export const LEVELS: Level[] = ['root', 'code', 'full'];

const SYMMETRIC = new Set(['040', '041', '044', '046', '057']);
const IRREALIS = new Set(['future', 'hypothetical', 'negated']);

interface PredView {
  code: string;
  root: string;
  src: string | null;
  tgt: string | null;
  irr: boolean;
  date: string | null;
  placeCountry: string | null;
  hasPlace: boolean;
}

export interface LevelScore {
  P: number;
  R: number;
  F1: number;
  tp: number;
  fn: number;
  pred_right: number;
  pred_wrong: number;
  misses: [string, string, string | null, string | null, string | null, string][];
  spurious: [string, string, string | null, string | null, string | null][];
}

export interface ScoreResult {
  root: LevelScore;
  code: LevelScore;
  full: LevelScore;
  malformed: number;
  docs: number;
  records: number;
}

const country = (code: string | null): string | null => (code ?? '').slice(0, 3) || null;

function actorCode(a: unknown): string | null {
  if (typeof a !== 'object' || a === null) return null;
  const o = a as { code?: unknown; country?: unknown };
  const c = (typeof o.code === 'string' && o.code) || (typeof o.country === 'string' && o.country) || null;
  return c || null;
}

function dayNumber(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1) return null;
  return t / 86_400_000;
}

function dateOk(gold: string | null | undefined, tol: number, pred: string | null): boolean {
  if (gold === null || gold === undefined) return true;
  if (!pred) return false;
  if (gold.length === 7) return pred.slice(0, 7) === gold;
  if (gold.length === 4) return pred.slice(0, 4) === gold;
  const g = dayNumber(gold);
  const p = dayNumber(pred);
  if (g === null || p === null) return false;
  return Math.abs(g - p) <= tol;
}

function placeOk(gold: string | null | undefined, p: PredView): boolean {
  if (!gold) return true;
  const want = gold.split(':')[0];
  return p.hasPlace && p.placeCountry === want;
}

function predView(r: Record<string, unknown>): PredView {
  const code = String(r.code ?? '').slice(0, 3);
  const place = r.place;
  const isObj = typeof place === 'object' && place !== null && !Array.isArray(place);
  return {
    code,
    root: code.slice(0, 2),
    src: actorCode(r.source),
    tgt: actorCode(r.target),
    irr: IRREALIS.has(String(r.modality)),
    date: typeof r.date === 'string' ? r.date : null,
    placeCountry: isObj ? (((place as Record<string, unknown>).country as string | null) ?? null) : null,
    hasPlace: isObj,
  };
}

function match(g: GoldEvent, p: PredView, level: Level): boolean {
  const gi = IRREALIS.has(String(g.modality));
  if (gi !== p.irr) return false;
  const sym = SYMMETRIC.has(g.code.slice(0, 3));
  if (level === 'root') {
    if (g.code.slice(0, 2) !== p.root) return false;
    const same = (gc: string | null, pc: string | null) => gc === null || gc === pc;
    const gs = country(g.source);
    const gt = country(g.target);
    const ps = country(p.src);
    const pt = country(p.tgt);
    return (same(gs, ps) && same(gt, pt)) || (sym && same(gs, pt) && same(gt, ps));
  }
  if (g.code.slice(0, 3) !== p.code) return false;
  const fits = (gc: string | null, pc: string | null) => gc === null || pc?.startsWith(gc);
  let ok = fits(g.source, p.src) && fits(g.target, p.tgt);
  if (!ok && sym) ok = fits(g.source, p.tgt) && fits(g.target, p.src);
  if (!ok) return false;
  if (level === 'full') return dateOk(g.date, g.date_tolerance_days ?? 0, p.date) && placeOk(g.place, p);
  return true;
}

function key(p: PredView, level: Level): string {
  if (level === 'root') return JSON.stringify([p.root, country(p.src), country(p.tgt), p.irr]);
  if (level === 'code') return JSON.stringify([p.code, p.src, p.tgt, p.irr]);
  return JSON.stringify([p.code, p.src, p.tgt, p.irr, p.date, p.hasPlace ? p.placeCountry : null]);
}

export function score(gold: GoldDocument[], preds: unknown[]): ScoreResult {
  const byDoc = new Map<string, PredView[]>();
  let malformed = 0;
  for (const r of preds) {
    if (typeof r !== 'object' || r === null || Array.isArray(r) || !('article' in r) || !('code' in r)) {
      malformed++;
      continue;
    }
    const rec = r as Record<string, unknown>;
    const id = String(rec.article);
    const list = byDoc.get(id) ?? [];
    list.push(predView(rec));
    byDoc.set(id, list);
  }
  const res: Partial<ScoreResult> = {};
  for (const level of LEVELS) {
    let tp = 0;
    let fn = 0;
    let pr = 0;
    let pu = 0;
    const misses: LevelScore['misses'] = [];
    const spurious: LevelScore['spurious'] = [];
    for (const d of gold) {
      const golds = d.events ?? [];
      const req = golds.filter((g) => g.required ?? true);
      const ps = new Map<string, PredView>();
      for (const p of byDoc.get(String(d.id)) ?? []) {
        const k = key(p, level);
        if (!ps.has(k)) ps.set(k, p);
      }
      for (const g of req) {
        if ([...ps.values()].some((p) => match(g, p, level))) tp++;
        else {
          fn++;
          misses.push([d.id, g.code, g.source, g.target, g.date ?? null, g.note ?? '']);
        }
      }
      for (const p of ps.values()) {
        if (req.some((g) => match(g, p, level))) pr++;
        else if (golds.some((g) => match(g, p, level))) {
          // optional reading: neither right nor wrong
        } else {
          pu++;
          spurious.push([d.id, p.code, p.src, p.tgt, p.date]);
        }
      }
    }
    const P = pr + pu ? pr / (pr + pu) : 0;
    const R = tp + fn ? tp / (tp + fn) : 0;
    const F1 = P + R ? (2 * P * R) / (P + R) : 0;
    res[level] = { P, R, F1, tp, fn, pred_right: pr, pred_wrong: pu, misses, spurious };
  }
  return { ...(res as Pick<ScoreResult, Level>), malformed, docs: gold.length, records: preds.length };
}

/**
 * `x` with `digits` decimals as Python's format() prints it: the exact binary value rounded
 * half to even (JavaScript's toFixed rounds exact ties up: 0.3125 → 0.313, Python → 0.312).
 */
export function pyFixed(x: number, digits: number): string {
  const exact = x.toFixed(Math.min(100, digits + 30));
  const [int, frac = ''] = exact.split('.');
  const keep = frac.slice(0, digits);
  const rest = frac.slice(digits);
  if (/^50*$/.test(rest)) {
    const last = Number(keep[keep.length - 1] ?? int![int!.length - 1]);
    if (last % 2 === 0) return digits === 0 ? int! : `${int}.${keep}`;
  }
  return x.toFixed(digits);
}

/** The summary lines score.py prints. */
export function formatScore(r: ScoreResult): string {
  const lines = [`docs=${r.docs} records=${r.records} malformed=${r.malformed}`];
  for (const lv of LEVELS) {
    const x = r[lv];
    lines.push(
      `${lv.padEnd(5)} P=${pyFixed(x.P, 3)} R=${pyFixed(x.R, 3)} F1=${pyFixed(x.F1, 3)} (tp=${x.tp} fn=${x.fn} right=${x.pred_right} wrong=${x.pred_wrong})`,
    );
  }
  lines.push(
    `root F1=${pyFixed(r.root.F1, 3)} code F1=${pyFixed(r.code.F1, 3)} full F1=${pyFixed(r.full.F1, 3)}`,
  );
  return lines.join('\n');
}
