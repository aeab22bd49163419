/**
 * Queries of the store from the command line: `rasad events`, `rasad actors`, `rasad actor`,
 * `rasad relation`, `rasad search`. Tables for people, `--json` for programs.
 */
import { RasadError } from '../errors.js';
import { loadResources } from '../pipeline.js';
import { actorKey, resolveFilterActors, searchActorsAnyScript } from '../store/actor-keys.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { out } from './batch.js';
import { type FilterOptions, intOption, toFilter } from './filters.js';
import { renderActors, renderEventTable, renderHits, renderProfile, renderRelation } from './store-render.js';

/** Open the store, run `fn`, and close the store whatever happens. */
export async function withStore<T>(db: string | undefined, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export interface EventsCliOptions extends FilterOptions {
  db?: string;
  json?: boolean;
  limit?: string;
  offset?: string;
  order?: string;
  mentions?: boolean;
}

export async function runEvents(o: EventsCliOptions): Promise<number> {
  const filter = resolveFilterActors(toFilter(o), loadResources);
  filter.limit = intOption('limit', o.limit, 50, 1000);
  filter.offset = intOption('offset', o.offset, 0);
  if (o.order !== undefined) {
    if (o.order !== 'date' && o.order !== 'mentions' && o.order !== 'added')
      throw new RasadError('BAD_ARGUMENT', `--order "${o.order}": expected date, mentions or added`);
    filter.order = o.order;
  }
  return withStore(o.db, async (store) => {
    const page = await store.queryEvents(filter);
    if (o.json) {
      for (const e of page.events) {
        const full = o.mentions ? ((await store.getEvent(e.id)) ?? e) : e;
        await out(`${JSON.stringify(full)}\n`);
      }
    } else {
      await out(renderEventTable(page.events));
      const last = page.offset + page.events.length;
      await out(`${page.events.length === 0 ? 0 : page.offset + 1}–${last} of ${page.total} event(s)\n`);
    }
    return 0;
  });
}

export async function runActors(
  query: string | undefined,
  o: { db?: string; json?: boolean; limit?: string },
): Promise<number> {
  const limit = intOption('limit', o.limit, 30, 1000);
  return withStore(o.db, async (store) => {
    const actors = await searchActorsAnyScript(store, query ?? '', limit, loadResources);
    await out(o.json ? actors.map((a) => `${JSON.stringify(a)}\n`).join('') : renderActors(actors));
    return 0;
  });
}

export async function runActor(
  key: string,
  o: { db?: string; json?: boolean; partners?: string; recent?: string },
): Promise<number> {
  const partners = intOption('partners', o.partners, 15, 500);
  const recent = intOption('recent', o.recent, 10, 500);
  return withStore(o.db, async (store) => {
    const p = await store.actorProfile(actorKey(key, loadResources), { partners, recent });
    await out(o.json ? `${JSON.stringify(p)}\n` : renderProfile(p));
    return p.events > 0 ? 0 : 1;
  });
}

export async function runRelation(
  a: string,
  b: string,
  o: { db?: string; json?: boolean; from?: string; to?: string; top?: string },
): Promise<number> {
  const f = toFilter({ from: o.from, to: o.to });
  const top = intOption('top', o.top, 10, 500);
  return withStore(o.db, async (store) => {
    const r = await store.relation(actorKey(a, loadResources), actorKey(b, loadResources), {
      from: f.from,
      to: f.to,
      top,
    });
    await out(o.json ? `${JSON.stringify(r)}\n` : renderRelation(r));
    return 0;
  });
}

export async function runSearch(
  query: string,
  o: { db?: string; json?: boolean; limit?: string; offset?: string },
): Promise<number> {
  if (query.trim() === '') throw new RasadError('BAD_ARGUMENT', 'search: expected a non-empty query');
  const limit = intOption('limit', o.limit, 20, 1000);
  const offset = intOption('offset', o.offset, 0);
  return withStore(o.db, async (store) => {
    const hits = await store.searchArticles(query, { limit, offset });
    await out(o.json ? hits.map((h) => `${JSON.stringify(h)}\n`).join('') : renderHits(hits));
    if (!o.json && hits.length === 0) await out('no article matches\n');
    return 0;
  });
}
