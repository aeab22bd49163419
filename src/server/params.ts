/**
 * Zod schemas of the API's query strings and path parameters (every one described, for the OpenAPI
 * document), and their conversion to the store's `EventFilter`. Page sizes above the server's
 * maximum are rejected (400), never clamped.
 */
import { z } from '@hono/zod-openapi';
import type { EventFilter } from '../store/types.js';
import type { Modality } from '../types.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MODALITIES = ['asserted', 'future', 'hypothetical', 'negated'] as const;
const MODALITY_LIST = new RegExp(`^(${MODALITIES.join('|')})(,(${MODALITIES.join('|')}))*$`);

/** A calendar date `YYYY-MM-DD` that exists (2025-02-30 is refused). */
export function dateParam(description: string) {
  return z
    .string()
    .regex(DATE, 'expected a date YYYY-MM-DD')
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, 'expected a date that exists on the calendar')
    .optional()
    .openapi({ description, example: '2025-12-24' });
}

/** A page size between 1 and `max`. */
export function limitParam(max: number, what: string) {
  return z.coerce
    .number()
    .int()
    .min(1)
    .max(max, `at most ${max} per page`)
    .optional()
    .openapi({ description: `${what} (default 50, at most ${max})`, example: 50 });
}

const offsetParam = z.coerce
  .number()
  .int()
  .min(0)
  .optional()
  .openapi({ description: 'Number of results to skip (default 0)', example: 0 });

function topParam(max: number, what: string) {
  return z.coerce
    .number()
    .int()
    .min(1)
    .max(max, `at most ${max}`)
    .optional()
    .openapi({ description: `${what} (at most ${max})` });
}

const text = (description: string, example?: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi(example ? { description, example } : { description });

/** Filters shared by `/api/events`, `/api/network` and `/api/places` (see `EventFilter`). */
function filterFields() {
  return {
    actor: text(
      'An actor on either side: a code prefix in capitals (`SYR` matches `SYRGOV`) or an actor id',
      'SYR',
    ),
    source: text('The source actor only (code prefix or actor id)'),
    target: text('The target actor only (code prefix or actor id)'),
    pair: z
      .string()
      .regex(/^[^,]{1,200},[^,]{1,200}$/, 'expected two actors separated by a comma (A,B)')
      .optional()
      .openapi({ description: 'Two actors in either direction, comma-separated', example: 'SYR,RUS' }),
    country: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected a 3-letter country code in capitals')
      .optional()
      .openapi({ description: 'Country (3 letters) of either actor or of the place', example: 'SYR' }),
    code: z
      .string()
      .regex(/^\d{2,4}$/, 'expected a CAMEO code prefix of 2 to 4 digits')
      .optional()
      .openapi({ description: 'CAMEO code prefix: `04` (root), `042`, `0421`', example: '04' }),
    quad: z
      .string()
      .regex(/^[1-4](,[1-4])*$/, 'expected quad classes 1-4, comma-separated')
      .optional()
      .openapi({
        description: 'Quad classes, comma-separated (1 verbal cooperation … 4 material conflict)',
        example: '1,2',
      }),
    from: dateParam('Earliest event date, inclusive (YYYY-MM-DD)'),
    to: dateParam('Latest event date, inclusive (YYYY-MM-DD)'),
    modality: z
      .string()
      .regex(MODALITY_LIST, `expected modalities among ${MODALITIES.join(', ')}, comma-separated`)
      .optional()
      .openapi({
        description: `Modalities, comma-separated (${MODALITIES.join(', ')})`,
        example: 'asserted',
      }),
    place: text('Place name (English or Arabic) or the place’s 3-letter country'),
    q: text('Full-text query over the text of the events’ articles'),
    article: text('Only events with a mention in this article (article id)'),
    minArticles: z.coerce
      .number()
      .int()
      .min(1)
      .optional()
      .openapi({ description: 'Minimum number of articles reporting the event' }),
  };
}

export type FilterQuery = z.infer<ReturnType<typeof filterSchema>>;

function filterSchema() {
  return z.object(filterFields());
}

/** Query strings of every route that takes parameters, built for one page-size maximum. */
export function querySchemas(maxPageSize: number) {
  return {
    events: z.object({
      ...filterFields(),
      limit: limitParam(maxPageSize, 'Events per page'),
      offset: offsetParam,
      order: z.enum(['date', 'mentions', 'added']).optional().openapi({
        description: '`date` (newest first, default), `mentions` (most reported first) or `added`',
      }),
    }),
    network: z.object({
      ...filterFields(),
      maxNodes: topParam(maxPageSize, 'Most active actors to keep as nodes (default 50)'),
    }),
    places: filterSchema(),
    overview: z.object({
      from: dateParam('Earliest event date, inclusive (YYYY-MM-DD)'),
      to: dateParam('Latest event date, inclusive (YYYY-MM-DD)'),
      top: topParam(maxPageSize, 'Number of actors and pairs listed'),
    }),
    relation: z.object({
      a: z
        .string()
        .min(1)
        .max(200)
        .openapi({ description: 'First actor (code prefix or actor id)', example: 'SYR' }),
      b: z
        .string()
        .min(1)
        .max(200)
        .openapi({ description: 'Second actor (code prefix or actor id)', example: 'RUS' }),
      from: dateParam('Earliest event date, inclusive (YYYY-MM-DD)'),
      to: dateParam('Latest event date, inclusive (YYYY-MM-DD)'),
      top: topParam(maxPageSize, 'Number of most reported events listed'),
    }),
    actors: z.object({
      q: z
        .string()
        .max(200)
        .optional()
        .openapi({ description: 'Actor name (Arabic or English), code or id to look for', example: 'سوري' }),
      limit: limitParam(maxPageSize, 'Actors listed'),
    }),
    search: z.object({
      q: z
        .string()
        .min(1)
        .max(200)
        .openapi({ description: 'Words to find in the articles’ text', example: 'موسكو' }),
      limit: limitParam(maxPageSize, 'Hits per page'),
      offset: offsetParam,
    }),
  };
}

/** Path parameter schemas. */
export const pathParams = {
  event: z.object({
    id: z
      .string()
      .min(1)
      .max(200)
      .openapi({ param: { name: 'id', in: 'path' }, description: 'Event id' }),
  }),
  article: z.object({
    id: z
      .string()
      .min(1)
      .max(500)
      .openapi({ param: { name: 'id', in: 'path' }, description: 'Article id (the document’s `id`)' }),
  }),
  actor: z.object({
    key: z
      .string()
      .min(1)
      .max(200)
      .openapi({
        param: { name: 'key', in: 'path' },
        description: 'Actor code prefix (`SYRGOV`) or actor id',
        example: 'SYR',
      }),
  }),
};

/** The store filter of a validated query. */
export function toFilter(q: FilterQuery): EventFilter {
  const f: EventFilter = {};
  if (q.actor) f.actor = q.actor;
  if (q.source) f.source = q.source;
  if (q.target) f.target = q.target;
  if (q.pair) {
    const [a, b] = q.pair.split(',');
    f.pair = [a as string, b as string];
  }
  if (q.country) f.country = q.country;
  if (q.code) f.code = q.code;
  if (q.quad) f.quad = [...new Set(q.quad.split(',').map((n) => Number(n) as 1 | 2 | 3 | 4))];
  if (q.from) f.from = q.from;
  if (q.to) f.to = q.to;
  if (q.modality) f.modality = [...new Set(q.modality.split(',') as Modality[])];
  if (q.place) f.place = q.place;
  if (q.q) f.text = q.q;
  if (q.article) f.article = q.article;
  if (q.minArticles !== undefined) f.minArticles = q.minArticles;
  return f;
}
