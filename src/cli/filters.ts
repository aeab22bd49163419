/**
 * Event filters on the command line (`rasad events`, `rasad export`): commander options → `EventFilter`,
 * with clear errors for malformed values.
 */
import type { Command } from 'commander';
import { RasadError } from '../errors.js';
import type { EventFilter } from '../store/types.js';
import type { Modality } from '../types.js';

export interface FilterOptions {
  actor?: string;
  source?: string;
  target?: string;
  pair?: string;
  country?: string;
  code?: string;
  quad?: string;
  from?: string;
  to?: string;
  modality?: string;
  place?: string;
  text?: string;
  article?: string;
  minArticles?: string;
}

/** Add the filter options to a command. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--actor <actor>', 'an actor on either side: code prefix (SYR, SYRGOV) or actor id')
    .option('--source <actor>', 'the source actor (code prefix or id)')
    .option('--target <actor>', 'the target actor (code prefix or id)')
    .option('--pair <A,B>', 'two actors, in either direction (SYR,RUS)')
    .option('--country <ISO3>', 'country of either actor or of the place')
    .option('--code <code>', 'CAMEO code prefix: 04 (root), 042, 0421')
    .option('--quad <list>', 'quad classes, comma-separated: 1 verbal coop, 2 material coop, 3, 4 conflict')
    .option('--from <YYYY-MM-DD>', 'first event date (inclusive)')
    .option('--to <YYYY-MM-DD>', 'last event date (inclusive)')
    .option('--modality <list>', 'asserted, future, hypothetical, negated (comma-separated)')
    .option('--place <name>', 'place name (English or Arabic) or its country code')
    .option('--text <query>', 'full-text search in the articles (Arabic normalised)')
    .option('--article <id>', 'events reported in this article')
    .option('--min-articles <n>', 'events reported by at least n articles');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MODALITIES: readonly Modality[] = ['asserted', 'future', 'hypothetical', 'negated'];

function bad(option: string, value: string, expected: string): never {
  throw new RasadError('BAD_ARGUMENT', `--${option} "${value}": expected ${expected}`);
}

function date(option: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) bad(option, v, 'a date YYYY-MM-DD');
  return v;
}

/** Parse the options into a filter; throws `BAD_ARGUMENT` naming the option and what was expected. */
export function toFilter(o: FilterOptions): EventFilter {
  const f: EventFilter = {};
  for (const k of ['actor', 'source', 'target', 'country', 'code', 'place', 'text', 'article'] as const) {
    const v = o[k];
    if (v !== undefined && v.trim() !== '') f[k] = v.trim();
  }
  if (f.code !== undefined && !/^\d{2,4}$/.test(f.code))
    bad('code', f.code, 'a CAMEO code prefix of 2 to 4 digits');
  if (f.country !== undefined) {
    const c = f.country.toUpperCase();
    if (!/^[A-Z]{3}$/.test(c)) bad('country', f.country, 'a 3-letter country code such as SYR');
    f.country = c;
  }
  if (o.pair !== undefined) {
    const parts = o.pair.split(',').map((s) => s.trim());
    if (parts.length !== 2 || !parts[0] || !parts[1])
      bad('pair', o.pair, 'two actors separated by a comma (SYR,RUS)');
    f.pair = [parts[0], parts[1]];
  }
  if (o.quad !== undefined) {
    const qs = o.quad.split(',').map((s) => Number(s.trim()));
    if (qs.length === 0 || qs.some((q) => !(q === 1 || q === 2 || q === 3 || q === 4)))
      bad('quad', o.quad, 'quad classes 1-4, comma-separated');
    f.quad = qs as Array<1 | 2 | 3 | 4>;
  }
  if (o.modality !== undefined) {
    const ms = o.modality.split(',').map((s) => s.trim());
    if (ms.some((m) => !MODALITIES.includes(m as Modality)))
      bad('modality', o.modality, MODALITIES.join(', '));
    f.modality = ms as Modality[];
  }
  const from = date('from', o.from);
  const to = date('to', o.to);
  if (from) f.from = from;
  if (to) f.to = to;
  if (o.minArticles !== undefined) {
    const n = Number(o.minArticles);
    if (!Number.isInteger(n) || n < 1) bad('min-articles', o.minArticles, 'a positive integer');
    f.minArticles = n;
  }
  return f;
}

/** A positive integer option. */
export function intOption(option: string, v: string | undefined, fallback: number, max?: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || (max !== undefined && n > max))
    bad(option, v, max !== undefined ? `an integer from 0 to ${max}` : 'a non-negative integer');
  return n;
}
