/**
 * Typed calls to the HTTP API (routes and shapes in src/server/api-types.ts). Only types are
 * imported from the server code, so nothing server-side is bundled.
 */
import type { ArticleView, ExtractResult } from '../../src/server/api-types.js';
import type {
  ActorProfile,
  ActorSummary,
  EventPage,
  Network,
  Overview,
  PlaceCount,
  Relation,
  StoredEvent,
} from '../../src/store/types.js';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | null | undefined>;

function qs(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== null && v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, ...init });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText);
  }
  return body as T;
}

const enc = encodeURIComponent;

export const api = {
  overview: (q: Query = {}) => call<Overview>(`/api/overview${qs(q)}`),
  events: (q: Query) => call<EventPage>(`/api/events${qs(q)}`),
  event: (id: string) => call<StoredEvent>(`/api/events/${enc(id)}`),
  actors: (q: Query) => call<{ actors: ActorSummary[] }>(`/api/actors${qs(q)}`),
  actor: (key: string) => call<ActorProfile>(`/api/actors/${enc(key)}`),
  relation: (q: Query) => call<Relation>(`/api/relation${qs(q)}`),
  network: (q: Query) => call<Network>(`/api/network${qs(q)}`),
  places: (q: Query) => call<{ places: PlaceCount[] }>(`/api/places${qs(q)}`),
  article: (id: string) => call<ArticleView>(`/api/articles/${enc(id)}`),
  extract: (body: { text: string; published?: string }) =>
    call<ExtractResult>('/api/extract', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    }),
};
