/**
 * The HTTP API of `rasad serve` (routes in `api-types.ts`), as an OpenAPIHono app over a `Store`:
 * validated inputs, JSON errors, a body-size limit, bearer-token writes, security headers, the
 * OpenAPI document at `/openapi.json`, and the dashboard's static files at `/`.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { RasadError } from '../errors.js';
import { annotate, loadResources, type Resources } from '../pipeline.js';
import { actorKey, resolveFilterActors, searchActorsAnyScript } from '../store/actor-keys.js';
import { contentHash, documentOf, ingestDocuments } from '../store/ingest.js';
import type { Store, StoredEvent } from '../store/types.js';
import type { AnnotatedDocument, InputDocument } from '../types.js';
import type { ArticleView, TextAnnotations } from './api-types.js';
import { requireWriter } from './auth.js';
import { ApiFailure, describeZodError, errorHandler, errorResponse } from './errors.js';
import { toFilter } from './params.js';
import { apiRoutes } from './routes.js';
import { DASHBOARD_CSP, defaultStaticDir, staticHandler } from './static.js';

export interface AppOptions {
  store: Store;
  /** Bearer token for writes (`RASAD_TOKEN`); null or empty: none. */
  token?: string | null;
  /** Whether the server listens on loopback only (writes are open there when no token is set). */
  loopback: boolean;
  /** Directory of the built dashboard (default `dist/web` of the repository); null: none. */
  staticDir?: string | null;
  /** Largest request body in bytes (default 2 MB). */
  maxBodyBytes?: number;
  /** Largest page size a client may ask for (default 500). */
  maxPageSize?: number;
  /** Compiled dictionaries (loaded on first use when not given). */
  resources?: Resources;
  /** Where unexpected errors are reported (default: stderr). */
  onInternalError?: (err: Error) => void;
}

const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 50;
/** The store never returns more than this many events a page (`EventFilter.limit`). */
const STORE_MAX_PAGE_SIZE = 1000;
const API_VERSION = '0.1.0';

/** Spans of an annotated document for highlighting. */
function toAnnotations(ad: AnnotatedDocument): TextAnnotations {
  return {
    text: ad.doc.text,
    sentences: ad.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end })),
    actors: ad.actors,
    places: ad.places,
    times: ad.times,
  };
}

function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to)
    throw new ApiFailure(400, 'INVALID_REQUEST', `query.from: ${from} is after query.to: ${to}`);
}

function withoutMentions(e: StoredEvent): StoredEvent {
  const { mentions: _omit, ...rest } = e;
  return rest;
}

/** Security headers of every response (the CSP is the dashboard's; JSON is unaffected by it). */
const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('Content-Security-Policy', DASHBOARD_CSP);
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
  c.res.headers.set('Referrer-Policy', 'no-referrer');
  c.res.headers.set('X-Frame-Options', 'DENY');
  c.res.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  c.res.headers.set('Cross-Origin-Resource-Policy', 'same-origin');
};

export function createApp(opts: AppOptions): OpenAPIHono {
  const { store } = opts;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxPage = opts.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE;
  if (!Number.isInteger(maxPage) || maxPage < 1 || maxPage > STORE_MAX_PAGE_SIZE)
    throw new RasadError(
      'BAD_ARGUMENT',
      `maximum page size ${maxPage} is out of range (expected an integer 1-${STORE_MAX_PAGE_SIZE}, the store's limit)`,
    );
  if (!Number.isInteger(maxBody) || maxBody < 1)
    throw new RasadError('BAD_ARGUMENT', `maximum body size ${maxBody} is not a positive number of bytes`);
  const staticDir = opts.staticDir === undefined ? defaultStaticDir() : opts.staticDir;
  let resources = opts.resources ?? null;
  const res = (): Resources => {
    resources ??= loadResources();
    return resources;
  };

  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success)
        return errorResponse(c, 400, 'INVALID_REQUEST', describeZodError(result.target, result.error));
    },
  });
  app.onError(errorHandler(opts.onInternalError));
  app.notFound((c) => errorResponse(c, 404, 'NOT_FOUND', `no route ${c.req.method} ${c.req.path}`));
  app.use('*', securityHeaders);

  const tooLarge = bodyLimit({
    maxSize: maxBody,
    onError: (c) =>
      errorResponse(c, 413, 'PAYLOAD_TOO_LARGE', `request body is larger than the limit of ${maxBody} bytes`),
  });
  const writer = requireWriter({ token: opts.token ?? null, loopback: opts.loopback });
  app.on('POST', '/api/articles', writer, tooLarge);
  app.on('POST', '/api/extract', tooLarge);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The server’s RASAD_TOKEN',
  });

  const r = apiRoutes(maxPage);

  app.openapi(r.health, async (c) =>
    c.json({ ok: true as const, store: store.kind, counts: await store.counts() }, 200),
  );

  app.openapi(r.overview, async (c) => {
    const q = c.req.valid('query');
    checkRange(q.from, q.to);
    return c.json(await store.overview({ from: q.from, to: q.to, top: q.top }), 200);
  });

  app.openapi(r.events, async (c) => {
    const q = c.req.valid('query');
    checkRange(q.from, q.to);
    const page = await store.queryEvents({
      ...resolveFilterActors(toFilter(q), res),
      limit: q.limit ?? DEFAULT_PAGE_SIZE,
      offset: q.offset ?? 0,
      order: q.order ?? 'date',
    });
    return c.json(page, 200);
  });

  app.openapi(r.event, async (c) => {
    const { id } = c.req.valid('param');
    const event = await store.getEvent(id);
    if (!event) throw new ApiFailure(404, 'NOT_FOUND', `no event with id "${id}"`);
    return c.json(event, 200);
  });

  app.openapi(r.actors, async (c) => {
    const q = c.req.valid('query');
    return c.json(
      { actors: await searchActorsAnyScript(store, q.q ?? '', q.limit ?? DEFAULT_PAGE_SIZE, res) },
      200,
    );
  });

  app.openapi(r.actor, async (c) =>
    c.json(await store.actorProfile(actorKey(c.req.valid('param').key, res)), 200),
  );

  app.openapi(r.relation, async (c) => {
    const q = c.req.valid('query');
    checkRange(q.from, q.to);
    return c.json(
      await store.relation(actorKey(q.a, res), actorKey(q.b, res), { from: q.from, to: q.to, top: q.top }),
      200,
    );
  });

  app.openapi(r.network, async (c) => {
    const q = c.req.valid('query');
    checkRange(q.from, q.to);
    return c.json(
      await store.network({
        ...resolveFilterActors(toFilter(q), res),
        maxNodes: q.maxNodes ?? DEFAULT_PAGE_SIZE,
      }),
      200,
    );
  });

  app.openapi(r.places, async (c) => {
    const q = c.req.valid('query');
    checkRange(q.from, q.to);
    return c.json({ places: await store.places(resolveFilterActors(toFilter(q), res)) }, 200);
  });

  app.openapi(r.article, async (c) => {
    const { id } = c.req.valid('param');
    const article = await store.getArticle(id);
    if (!article) throw new ApiFailure(404, 'NOT_FOUND', `no article with id "${id}"`);
    const doc = documentOf(article);
    const mentions = await store.articleMentions(id);
    const events: StoredEvent[] = [];
    for (const eventId of new Set(mentions.map((m) => m.event))) {
      const e = await store.getEvent(eventId);
      if (e) events.push(withoutMentions(e));
    }
    const view: ArticleView = {
      article,
      annotations: toAnnotations(annotate(doc, res(), 'actors')),
      mentions,
      events,
    };
    return c.json(view, 200);
  });

  app.openapi(r.search, async (c) => {
    const q = c.req.valid('query');
    const hits = await store.searchArticles(q.q, {
      limit: q.limit ?? DEFAULT_PAGE_SIZE,
      offset: q.offset ?? 0,
    });
    return c.json({ hits }, 200);
  });

  app.openapi(r.extract, (c) => {
    const body = c.req.valid('json');
    const doc: InputDocument = {
      id: 'extract',
      text: body.text,
      published: body.published ?? null,
      title: body.title ?? null,
    };
    const ad = annotate(doc, res(), 'events');
    return c.json({ events: ad.events, annotations: toAnnotations(ad) }, 200);
  });

  app.openapi(r.putArticles, async (c) => {
    const body = c.req.valid('json');
    const given = 'documents' in body ? body.documents : [body];
    const docs: InputDocument[] = given.map((d) => ({
      id: d.id ?? `sha256-${contentHash({ id: '', text: d.text }).slice(0, 16)}`,
      text: d.text,
      published: d.published ?? null,
      title: d.title ?? null,
      url: d.url ?? null,
      source: d.source ?? null,
    }));
    const s = await ingestDocuments(store, docs, { resources: res() });
    return c.json(
      {
        documents: s.documents,
        stored: s.stored,
        duplicates: s.duplicates,
        failed: s.failed,
        mentions: s.mentions,
        newEvents: s.newEvents,
        ids: docs.map((d) => d.id),
      },
      200,
    );
  });

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Rasad API',
      version: API_VERSION,
      description:
        'Political events (CAMEO) extracted from Arabic news, with character offsets into the Arabic text. ' +
        'Errors are `{ "error": { "code", "message" } }`.',
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
    },
    tags: [
      { name: 'meta', description: 'Server state' },
      { name: 'events', description: 'Merged events, their places and overview' },
      { name: 'actors', description: 'Actors, their relations and network' },
      { name: 'articles', description: 'Stored articles: view, search, store' },
      { name: 'extraction', description: 'Run the extractor on a text without storing it' },
    ],
  });

  app.all('/api/*', (c) => errorResponse(c, 404, 'NOT_FOUND', `no route ${c.req.method} ${c.req.path}`));
  app.on(['GET', 'HEAD'], '*', staticHandler(staticDir));
  return app;
}
