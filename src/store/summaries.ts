/**
 * What one event adds to the summary tables every backend keeps in step with its events, so the
 * unfiltered views read a few hundred rows instead of every event:
 * - `actors`: per actor code and actor id (`''` for none), the events naming it on either side;
 * - `code_overlap`: per actor code, the events naming it on both sides under two different actor
 *   ids (a named person and a generic actor of one code): `actors` counts them under each id, so
 *   the events of a code are the sum of its `actors` rows less its `code_overlap` row;
 * - `month_stats`: per month and quad class, events and the sum of their Goldstein values;
 * - `pair_stats`: per directed pair of actor codes, the same.
 */
import { firstDay } from './rows.js';
import type { StoredEvent } from './types.js';

export interface Contribution {
  /** Once per distinct code and actor id. */
  actors: Array<{ code: string; actor: string; name: string | null; country: string | null }>;
  /** The code both sides share under two different actor ids, else null. */
  overlap: string | null;
  month: { month: string; quad: number; goldstein: number } | null;
  pair: { source: string; target: string; quad: number; goldstein: number } | null;
}

export function contributionOf(e: StoredEvent): Contribution {
  const actors: Contribution['actors'] = [];
  for (const a of [e.source, e.target]) {
    if (!a) continue;
    const actor = a.actor ?? '';
    if (actors.some((x) => x.code === a.code && x.actor === actor)) continue;
    actors.push({ code: a.code, actor, name: a.name, country: a.country });
  }
  const [first, second] = actors;
  return {
    actors,
    overlap: first && second && first.code === second.code ? first.code : null,
    month: e.date ? { month: firstDay(e.date).slice(0, 7), quad: e.quad, goldstein: e.goldstein } : null,
    pair:
      e.source && e.target
        ? { source: e.source.code, target: e.target.code, quad: e.quad, goldstein: e.goldstein }
        : null,
  };
}
