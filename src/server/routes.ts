/**
 * The API's routes as OpenAPI route declarations (`createRoute`): path, parameters, body and
 * responses of each. Built per app because page-size limits are options of the server.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { anchorDate } from '../time/calendar.js';
import { pathParams, querySchemas } from './params.js';
import {
  ActorProfileSchema,
  ActorSummarySchema,
  ApiErrorSchema,
  ArticleHitSchema,
  ArticleViewSchema,
  EventPageSchema,
  ExtractResultSchema,
  HealthSchema,
  IngestResultSchema,
  NetworkSchema,
  OverviewSchema,
  PlaceCountSchema,
  RelationSchema,
  StoredEventSchema,
} from './schemas.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const err = (description: string) => json(ApiErrorSchema, description);
const invalid = err('Invalid parameters (the message names each offending parameter)');
const internal = err('Unexpected server error (no details of the internals)');
const notJson = err('The body is not sent as `Content-Type: application/json`');

const dateText = z
  .string()
  .max(40)
  .refine((s) => anchorDate(s) !== null, 'expected a date YYYY-MM-DD or ISO-8601 (YYYY-MM-DDThh:mm:ssZ)')
  .nullable()
  .optional()
  .openapi({ description: 'Publication date, `YYYY-MM-DD` or ISO-8601 (anchors relative dates)' });

export const DocumentSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: 'Document id; when absent, derived from the text’s sha256' }),
    text: z.string().min(1).openapi({ description: 'The article text (Arabic)' }),
    published: dateText,
    title: z.string().max(2000).nullable().optional().openapi({ description: 'Headline' }),
    url: z
      .string()
      .max(4000)
      .nullable()
      .optional()
      .openapi({ description: 'Where the article was published' }),
    source: z.string().max(500).nullable().optional().openapi({ description: 'The outlet' }),
  })
  .openapi('InputDocument');

export const ExtractRequestSchema = z
  .object({
    text: z.string().min(1).openapi({ description: 'The text to analyse (Arabic)' }),
    published: dateText,
    title: z.string().max(2000).nullable().optional().openapi({ description: 'Headline' }),
  })
  .openapi('ExtractRequest');

export const ArticlesRequestSchema = z
  .union([
    DocumentSchema,
    z
      .object({ documents: z.array(DocumentSchema).min(1).max(10_000) })
      .openapi('DocumentBatch', { description: 'Several documents, stored in one request' }),
  ])
  .openapi('ArticlesRequest');

/** The route declarations of an app whose page size is at most `maxPageSize`. */
export function apiRoutes(maxPageSize: number) {
  const q = querySchemas(maxPageSize);
  return {
    health: createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['meta'],
      summary: 'Liveness and store counts',
      responses: { 200: json(HealthSchema, 'The server is up; counts of the store'), 500: internal },
    }),
    overview: createRoute({
      method: 'get',
      path: '/api/overview',
      tags: ['events'],
      summary: 'Counts, monthly series, most active actors and pairs',
      request: { query: q.overview },
      responses: { 200: json(OverviewSchema, 'The overview'), 400: invalid, 500: internal },
    }),
    events: createRoute({
      method: 'get',
      path: '/api/events',
      tags: ['events'],
      summary: 'Merged events matching filters, a page at a time',
      request: { query: q.events },
      responses: {
        200: json(EventPageSchema, 'A page of events and the total'),
        400: invalid,
        500: internal,
      },
    }),
    event: createRoute({
      method: 'get',
      path: '/api/events/{id}',
      tags: ['events'],
      summary: 'One merged event with its mentions',
      request: { params: pathParams.event },
      responses: {
        200: json(StoredEventSchema, 'The event, with `mentions`'),
        400: invalid,
        404: err('No event with this id'),
        500: internal,
      },
    }),
    actors: createRoute({
      method: 'get',
      path: '/api/actors',
      tags: ['actors'],
      summary: 'Find actors by name, code or id',
      request: { query: q.actors },
      responses: {
        200: json(z.object({ actors: z.array(ActorSummarySchema) }), 'Matching actors, most active first'),
        400: invalid,
        500: internal,
      },
    }),
    actor: createRoute({
      method: 'get',
      path: '/api/actors/{key}',
      tags: ['actors'],
      summary: 'Profile of one actor: counts, partners, recent events',
      request: { params: pathParams.actor },
      responses: {
        200: json(ActorProfileSchema, 'The profile (zero counts for an actor with no events)'),
        400: invalid,
        500: internal,
      },
    }),
    relation: createRoute({
      method: 'get',
      path: '/api/relation',
      tags: ['actors'],
      summary: 'Events between two actors: monthly series and most reported events',
      request: { query: q.relation },
      responses: { 200: json(RelationSchema, 'The relation'), 400: invalid, 500: internal },
    }),
    network: createRoute({
      method: 'get',
      path: '/api/network',
      tags: ['actors'],
      summary: 'Actor network of the events matching filters',
      request: { query: q.network },
      responses: {
        200: json(NetworkSchema, 'Nodes (actors) and edges (pairs)'),
        400: invalid,
        500: internal,
      },
    }),
    places: createRoute({
      method: 'get',
      path: '/api/places',
      tags: ['events'],
      summary: 'Places of the events matching filters, with counts',
      request: { query: q.places },
      responses: {
        200: json(z.object({ places: z.array(PlaceCountSchema) }), 'Places, most events first'),
        400: invalid,
        500: internal,
      },
    }),
    article: createRoute({
      method: 'get',
      path: '/api/articles/{id}',
      tags: ['articles'],
      summary: 'A stored article with its spans, mentions and events',
      request: { params: pathParams.article },
      responses: {
        200: json(ArticleViewSchema, 'The article view'),
        400: invalid,
        404: err('No article with this id'),
        500: internal,
      },
    }),
    search: createRoute({
      method: 'get',
      path: '/api/search',
      tags: ['articles'],
      summary: 'Full-text search over the stored articles',
      request: { query: q.search },
      responses: {
        200: json(z.object({ hits: z.array(ArticleHitSchema) }), 'Matching articles with a snippet'),
        400: invalid,
        500: internal,
      },
    }),
    extract: createRoute({
      method: 'post',
      path: '/api/extract',
      tags: ['extraction'],
      summary: 'Extract events from a text without storing anything',
      request: {
        body: { required: true, content: { 'application/json': { schema: ExtractRequestSchema } } },
      },
      responses: {
        200: json(ExtractResultSchema, 'Event records and text annotations'),
        400: invalid,
        413: err('Body larger than the server’s limit'),
        415: notJson,
        500: internal,
      },
    }),
    putArticles: createRoute({
      method: 'post',
      path: '/api/articles',
      tags: ['articles'],
      summary: 'Store articles: extract their events and merge them into the store',
      description:
        'Needs `Authorization: Bearer <RASAD_TOKEN>` when the server has a token; refused (403) when the server ' +
        'listens beyond loopback without one.',
      security: [{ bearer: [] }],
      request: {
        body: { required: true, content: { 'application/json': { schema: ArticlesRequestSchema } } },
      },
      responses: {
        200: json(IngestResultSchema, 'What was stored'),
        400: invalid,
        401: err('Missing or wrong bearer token'),
        403: err('Writes are disabled (off loopback without RASAD_TOKEN)'),
        413: err('Body larger than the server’s limit'),
        415: notJson,
        500: internal,
      },
    }),
  };
}
