/**
 * Zod schemas of the API's responses, mirroring `api-types.ts` and `src/store/types.ts`; they give
 * the OpenAPI document its component schemas. The `Same<...>` checks at the bottom fail to compile
 * when a schema drifts from the TypeScript type it describes.
 */
import { z } from '@hono/zod-openapi';
import type {
  ActorProfile,
  ActorSummary,
  ArticleHit,
  EventPage,
  Mention,
  Network,
  Overview,
  PlaceCount,
  Relation,
  StoreCounts,
  StoredArticle,
  StoredEvent,
} from '../store/types.js';
import type { EventRecord, Place } from '../types.js';
import type { ArticleView, ExtractResult, IngestResult } from './api-types.js';

const Modality = z.enum(['asserted', 'future', 'hypothetical', 'negated']);
const Quad = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const Quads = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const PlaceSchema = z
  .object({
    name: z.string(),
    name_ar: z.string(),
    country: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
  })
  .openapi('Place');

const ActorFields = {
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  code: z.string().openapi({ description: 'CAMEO-style actor code (`SYRGOV`)' }),
  country: z.string().nullable(),
  actor: z.string().nullable(),
  name: z.string().nullable(),
};

export const ActorSchema = z.object(ActorFields).openapi('Actor');

export const EventRecordSchema = z
  .object({
    id: z.string(),
    article: z.string(),
    sentence: z.number().int(),
    code: z.string(),
    root: z.string(),
    quad: Quad,
    goldstein: z.number(),
    plover: z.string().optional(),
    source: ActorSchema.nullable(),
    target: ActorSchema.nullable(),
    date: z.string().nullable(),
    date_text: z.string().nullable(),
    place: PlaceSchema.nullable(),
    modality: Modality,
    attribution: ActorSchema.nullable().optional(),
    trigger: z.object({ text: z.string(), start: z.number().int(), end: z.number().int() }),
    pattern: z.string(),
    confidence: z.number(),
    mentions: z
      .array(z.object({ sentence: z.number().int(), start: z.number().int(), end: z.number().int() }))
      .optional(),
  })
  .openapi('EventRecord', { description: 'An event record as the extractor writes it' });

export const EventActorSchema = z
  .object({
    code: z.string(),
    country: z.string().nullable(),
    actor: z.string().nullable(),
    name: z.string().nullable(),
    text: z.string().nullable(),
  })
  .openapi('EventActor');

export const MentionSchema = z
  .object({
    id: z.string(),
    event: z.string(),
    article: z.string(),
    sentence: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    trigger: z.string(),
    code: z.string(),
    modality: Modality,
    confidence: z.number(),
    pattern: z.string(),
    outlet: z.string().nullable(),
    record: EventRecordSchema,
  })
  .openapi('Mention', { description: 'One report of an event: an extractor record as stored' });

export const StoredEventSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    root: z.string(),
    quad: Quad,
    goldstein: z.number(),
    plover: z.string().nullable(),
    source: EventActorSchema.nullable(),
    target: EventActorSchema.nullable(),
    date: z.string().nullable(),
    place: PlaceSchema.nullable(),
    modality: Modality,
    confidence: z.number(),
    num_mentions: z.number().int(),
    num_articles: z.number().int(),
    num_sources: z.number().int(),
    first_article: z.string(),
    trigger: z.string(),
    added: z.string(),
    mentions: z.array(MentionSchema).optional(),
  })
  .openapi('StoredEvent', { description: 'A merged event (mentions only on the event route)' });

export const EventPageSchema = z
  .object({
    events: z.array(StoredEventSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('EventPage');

export const StoreCountsSchema = z
  .object({
    articles: z.number().int(),
    pending: z.number().int(),
    failed: z.number().int(),
    mentions: z.number().int(),
    events: z.number().int(),
  })
  .openapi('StoreCounts');

export const HealthSchema = z
  .object({ ok: z.literal(true), store: z.string(), counts: StoreCountsSchema })
  .openapi('Health');

export const ActorSummarySchema = z
  .object({
    code: z.string(),
    country: z.string().nullable(),
    actor: z.string().nullable(),
    name: z.string().nullable(),
    events: z.number().int(),
  })
  .openapi('ActorSummary');

export const MonthPointSchema = z
  .object({
    month: z.string(),
    quads: Quads,
    events: z.number().int(),
    goldstein: z.number().nullable(),
  })
  .openapi('MonthPoint');

export const OverviewSchema = z
  .object({
    articles: z.number().int(),
    events: z.number().int(),
    mentions: z.number().int(),
    months: z.array(MonthPointSchema),
    actors: z.array(ActorSummarySchema),
    pairs: z.array(
      z.object({ a: z.string(), b: z.string(), events: z.number().int(), goldstein: z.number().nullable() }),
    ),
  })
  .openapi('Overview');

export const PartnerSchema = z
  .object({
    code: z.string(),
    name: z.string().nullable(),
    events: z.number().int(),
    goldstein: z.number(),
    quads: Quads,
  })
  .openapi('Partner');

export const ActorProfileSchema = z
  .object({
    key: z.string(),
    summary: ActorSummarySchema.nullable(),
    events: z.number().int(),
    asSource: z.number().int(),
    asTarget: z.number().int(),
    partners: z.array(PartnerSchema),
    recent: z.array(StoredEventSchema),
  })
  .openapi('ActorProfile');

export const RelationSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    events: z.number().int(),
    goldstein: z.number().nullable(),
    months: z.array(MonthPointSchema),
    top: z.array(StoredEventSchema),
  })
  .openapi('Relation');

export const NetworkSchema = z
  .object({
    nodes: z.array(ActorSummarySchema),
    edges: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        events: z.number().int(),
        goldstein: z.number().nullable(),
      }),
    ),
  })
  .openapi('Network');

export const PlaceCountSchema = z
  .object({
    name: z.string(),
    name_ar: z.string(),
    country: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    events: z.number().int(),
    goldstein: z.number().nullable(),
  })
  .openapi('PlaceCount');

export const ArticleHitSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    source: z.string().nullable(),
    snippet: z.string(),
    start: z.number().int(),
    end: z.number().int(),
  })
  .openapi('ArticleHit');

export const StoredArticleSchema = z
  .object({
    id: z.string(),
    hash: z.string(),
    text: z.string(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    source: z.string().nullable(),
    published: z.string().nullable(),
    status: z.enum(['pending', 'done', 'failed']),
    error: z.string().nullable(),
    events: z.number().int(),
    added: z.string(),
  })
  .openapi('StoredArticle');

const SpanFields = { start: z.number().int(), end: z.number().int(), text: z.string() };

const ActorMentionSchema = z
  .object({
    ...ActorFields,
    sentence: z.number().int(),
    kind: z.enum(['person', 'role', 'org', 'body', 'country', 'nisba', 'capital', 'group']),
    resolution: z.enum([
      'dictionary',
      'role+nisba',
      'role+name',
      'role+org',
      'surname',
      'title+surname',
      'role-only',
      'counterpart',
      'side',
      'capital',
      'ministry',
      'nisba',
      'country',
      'previous-mention',
    ]),
    tokenStart: z.number().int(),
    tokenEnd: z.number().int(),
    office: z.string().nullable().optional(),
  })
  .openapi('ActorMention');

const PlaceMentionSchema = z
  .object({
    ...SpanFields,
    name: z.string(),
    name_ar: z.string(),
    country: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    sentence: z.number().int(),
    id: z.string(),
    kind: z.enum(['city', 'capital', 'region', 'country']),
    tokenStart: z.number().int(),
    tokenEnd: z.number().int(),
  })
  .openapi('PlaceMention');

const TimeExpressionSchema = z
  .object({
    ...SpanFields,
    sentence: z.number().int(),
    kind: z.enum(['date', 'hijri', 'weekday', 'relative', 'month', 'year', 'duration']),
    value: z.string().nullable(),
    precision: z.enum(['day', 'month', 'year']).nullable(),
  })
  .openapi('TimeExpression');

export const TextAnnotationsSchema = z
  .object({
    text: z.string(),
    sentences: z.array(z.object({ index: z.number().int(), start: z.number().int(), end: z.number().int() })),
    actors: z.array(ActorMentionSchema),
    places: z.array(PlaceMentionSchema),
    times: z.array(TimeExpressionSchema),
  })
  .openapi('TextAnnotations', { description: 'Spans of a text for highlighting (offsets into `text`)' });

export const ArticleViewSchema = z
  .object({
    article: StoredArticleSchema,
    annotations: TextAnnotationsSchema,
    mentions: z.array(MentionSchema),
    events: z.array(StoredEventSchema),
  })
  .openapi('ArticleView');

export const ExtractResultSchema = z
  .object({ events: z.array(EventRecordSchema), annotations: TextAnnotationsSchema })
  .openapi('ExtractResult');

export const IngestResultSchema = z
  .object({
    documents: z.number().int().openapi({ description: 'Documents received' }),
    stored: z.number().int().openapi({ description: 'Articles newly stored (or replaced)' }),
    duplicates: z.number().int().openapi({ description: 'Articles skipped: same text already stored' }),
    failed: z.number().int().openapi({ description: 'Articles whose extraction failed' }),
    mentions: z.number().int().openapi({ description: 'Event records written' }),
    newEvents: z.number().int().openapi({ description: 'Merged events created' }),
    ids: z.array(z.string()).openapi({ description: 'Ids of the documents received, in order' }),
  })
  .openapi('IngestResult');

export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ description: 'Stable error code (`INVALID_REQUEST`, `NOT_FOUND`, ...)' }),
      message: z.string(),
    }),
  })
  .openapi('ApiError');

// Compile-time agreement of schemas and types: both directions must be assignable.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type SchemaChecks = [
  Check<Same<z.infer<typeof PlaceSchema>, Place>>,
  Check<Same<z.infer<typeof EventRecordSchema>, EventRecord>>,
  Check<Same<z.infer<typeof MentionSchema>, Mention>>,
  Check<Same<z.infer<typeof StoredEventSchema>, StoredEvent>>,
  Check<Same<z.infer<typeof EventPageSchema>, EventPage>>,
  Check<Same<z.infer<typeof StoreCountsSchema>, StoreCounts>>,
  Check<Same<z.infer<typeof ActorSummarySchema>, ActorSummary>>,
  Check<Same<z.infer<typeof OverviewSchema>, Overview>>,
  Check<Same<z.infer<typeof ActorProfileSchema>, ActorProfile>>,
  Check<Same<z.infer<typeof RelationSchema>, Relation>>,
  Check<Same<z.infer<typeof NetworkSchema>, Network>>,
  Check<Same<z.infer<typeof PlaceCountSchema>, PlaceCount>>,
  Check<Same<z.infer<typeof ArticleHitSchema>, ArticleHit>>,
  Check<Same<z.infer<typeof StoredArticleSchema>, StoredArticle>>,
  Check<Same<z.infer<typeof ArticleViewSchema>, ArticleView>>,
  Check<Same<z.infer<typeof ExtractResultSchema>, ExtractResult>>,
  Check<Same<z.infer<typeof IngestResultSchema>, IngestResult>>,
];
