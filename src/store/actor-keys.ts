/**
 * Actors asked for in Arabic: `سوريا`, `أسعد الشيباني`, `وزير الخارجية الروسي` are read by the same
 * recogniser as articles and turned into the keys the store knows (an actor id where the recogniser
 * names a known person or organisation, else the actor code). Latin queries pass through unchanged
 * (and the dictionaries are loaded only when a query has Arabic in it).
 */
import { RasadError } from '../errors.js';
import { annotate, type Resources } from '../pipeline.js';
import type { ActorSummary, Store } from './types.js';

const ARABIC = /\p{Script=Arabic}/u;

/** Store keys for a query: itself when it has no Arabic, else what the recogniser finds in it. */
export function actorKeys(query: string, res: () => Resources): string[] {
  if (!ARABIC.test(query)) return [query];
  const ad = annotate({ id: 'query', text: query }, res(), 'actors');
  const keys: string[] = [];
  for (const a of ad.actors) {
    const k = a.actor ?? a.code;
    if (!keys.includes(k)) keys.push(k);
  }
  return keys;
}

/** One key for commands that take one actor; an Arabic query that names no known actor is an error. */
export function actorKey(query: string, res: () => Resources): string {
  const keys = actorKeys(query, res);
  const k = keys[0];
  if (k === undefined)
    throw new RasadError(
      'BAD_ARGUMENT',
      `"${query}": no known actor in it; expected an actor code (SYR, SYRGOV), an actor id, or an Arabic name the dictionaries know`,
    );
  return k;
}

/** `searchActors` that also understands Arabic names. */
export async function searchActorsAnyScript(
  store: Store,
  query: string,
  limit: number,
  res: () => Resources,
): Promise<ActorSummary[]> {
  if (!ARABIC.test(query)) return store.searchActors(query, limit);
  const seen = new Set<string>();
  const out: ActorSummary[] = [];
  for (const key of actorKeys(query, res)) {
    for (const a of await store.searchActors(key, limit)) {
      const id = `${a.code}|${a.actor ?? ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(a);
    }
  }
  return out.sort((x, y) => y.events - x.events).slice(0, limit);
}

/** A filter whose actor fields (`actor`, `source`, `target`, `pair`) may be Arabic, with store keys instead. */
export function resolveFilterActors<
  F extends { actor?: string; source?: string; target?: string; pair?: [string, string] },
>(filter: F, res: () => Resources): F {
  const out = { ...filter };
  for (const k of ['actor', 'source', 'target'] as const) {
    const v = out[k];
    if (v !== undefined && ARABIC.test(v)) out[k] = actorKey(v, res);
  }
  if (out.pair?.some((v) => ARABIC.test(v)))
    out.pair = [actorKey(out.pair[0], res), actorKey(out.pair[1], res)];
  return out;
}
