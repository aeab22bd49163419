/**
 * Versioned schema of the PostgreSQL event store: an ordered list of migrations, each applied once
 * and recorded in `schema_migrations`. `migrate` runs them under a session advisory lock, so opening
 * the store twice, or from two processes at once, applies each migration exactly once (the second
 * waits, then finds the versions recorded).
 *
 * The tables mirror the SQLite backend's (src/store/sqlite/migrations.ts) column for column, so both
 * backends share the row mapping (src/store/rows.ts) and answer every query alike:
 * - `articles`: `seq` is the insertion order, `hash` the sha256 of the text (unique), `terms` the
 *   full-text index: a tsvector built with `array_to_tsvector` from `indexTerms` (the project's own
 *   tokenizer and Arabic normalisation, src/store/search-text.ts), searched with a GIN index. The
 *   lexemes are exactly the terms SQLite's FTS5 index holds, so both backends find the same
 *   articles; PostgreSQL's own parser (`to_tsvector('simple', …)`) would split and fold differently,
 *   and pg_trgm matches substrings, not words. `extractions` counts the extraction results written
 *   for the article (`putArticles` with records, `replaceEvents`, `markFailed`): the workers' tests
 *   check with it that no article is processed twice.
 * - `events`: merged events, flattened; `day` is the first day of the date (text, `YYYY-MM-DD`).
 * - `mentions`: extractor records, `seq` = storage order, the record as JSON text.
 * All text columns use the "C" collation: ranges (`code >= 'SYR' AND code < 'SYS'`) and orderings
 * compare bytes, as SQLite does, whatever the database's default collation.
 *
 * - summary tables kept in step by every write (./write.ts), as in SQLite, so that the unfiltered
 *   overview, actor search and network read a few hundred rows instead of a million events:
 *   `actors` (per actor code and actor id: events as source or target), `month_stats` (per month and
 *   quad class), `pair_stats` (per directed pair of actor codes), and from migration 4
 *   `code_overlap` (per actor code, the events naming it on both sides under two actor ids, so the
 *   events of a code count once; src/store/summaries.ts).
 * - `store_generation`: a sequence every write advances after it commits; the costly aggregate views
 *   are cached per process and recomputed when it moved (src/store/postgres/store.ts).
 *
 * Indexes follow the filters (actor codes as prefix ranges, actor ids, countries, code, day, place
 * keys, counts) so the common queries stay index scans on a million events.
 */
import type pg from 'pg';

import { type Migration, pendingMigrations } from '../schema-versions.js';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, events, mentions, full-text index',
    sql: `
CREATE TABLE articles (
  seq bigserial NOT NULL UNIQUE,
  id text COLLATE "C" PRIMARY KEY,
  hash text COLLATE "C" NOT NULL UNIQUE,
  text text NOT NULL,
  title text,
  url text,
  source text COLLATE "C",
  published text COLLATE "C",
  status text COLLATE "C" NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
  error text,
  events integer NOT NULL DEFAULT 0,
  added text COLLATE "C" NOT NULL,
  extractions integer NOT NULL DEFAULT 0,
  terms tsvector NOT NULL
);
CREATE INDEX articles_status ON articles (status, seq);
CREATE INDEX articles_terms ON articles USING gin (terms);

CREATE TABLE events (
  seq bigserial NOT NULL UNIQUE,
  id text COLLATE "C" PRIMARY KEY,
  merge_key text COLLATE "C",
  date text COLLATE "C",
  day text COLLATE "C",
  month text COLLATE "C",
  code text COLLATE "C" NOT NULL,
  root text COLLATE "C" NOT NULL,
  quad integer NOT NULL,
  goldstein double precision NOT NULL,
  plover text COLLATE "C",
  source_code text COLLATE "C",
  source_country text COLLATE "C",
  source_actor text COLLATE "C",
  source_name text COLLATE "C",
  source_text text,
  target_code text COLLATE "C",
  target_country text COLLATE "C",
  target_actor text COLLATE "C",
  target_name text COLLATE "C",
  target_text text,
  place_name text COLLATE "C",
  place_name_ar text COLLATE "C",
  place_key_en text COLLATE "C",
  place_key_ar text COLLATE "C",
  place_country text COLLATE "C",
  place_lat double precision,
  place_lon double precision,
  modality text COLLATE "C" NOT NULL,
  confidence double precision NOT NULL,
  num_mentions integer NOT NULL,
  num_articles integer NOT NULL,
  num_sources integer NOT NULL,
  first_article text COLLATE "C" NOT NULL,
  trigger text NOT NULL,
  added text COLLATE "C" NOT NULL
);
CREATE INDEX events_merge ON events (merge_key, date);
CREATE INDEX events_day ON events (day DESC NULLS LAST, seq DESC);
CREATE INDEX events_src ON events (source_code, target_code, day);
CREATE INDEX events_tgt ON events (target_code, source_code, day);
CREATE INDEX events_code ON events (code, day);
CREATE INDEX events_src_actor ON events (source_actor, day) WHERE source_actor IS NOT NULL;
CREATE INDEX events_tgt_actor ON events (target_actor, day) WHERE target_actor IS NOT NULL;
CREATE INDEX events_src_country ON events (source_country, day);
CREATE INDEX events_tgt_country ON events (target_country, day);
CREATE INDEX events_place_country ON events (place_country, day);
CREATE INDEX events_place_en ON events (place_key_en) WHERE place_key_en IS NOT NULL;
CREATE INDEX events_place_ar ON events (place_key_ar) WHERE place_key_ar IS NOT NULL;
CREATE INDEX events_mentions ON events (num_mentions DESC, num_articles DESC);
CREATE INDEX events_quad ON events (quad, day);

CREATE TABLE mentions (
  seq bigserial PRIMARY KEY,
  id text COLLATE "C" NOT NULL,
  event_id text COLLATE "C" NOT NULL REFERENCES events (id),
  article text COLLATE "C" NOT NULL REFERENCES articles (id),
  sentence integer NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  trigger text NOT NULL,
  code text COLLATE "C" NOT NULL,
  modality text COLLATE "C" NOT NULL,
  confidence double precision NOT NULL,
  pattern text COLLATE "C" NOT NULL,
  outlet text COLLATE "C",
  merge_date text COLLATE "C",
  record text NOT NULL
);
CREATE INDEX mentions_event ON mentions (event_id, seq);
CREATE INDEX mentions_article ON mentions (article, start);
CREATE INDEX mentions_id ON mentions (id);
`,
  },
  {
    version: 2,
    name: 'write generation for read caches',
    sql: `
-- advanced after every committed write (sequences do not block concurrent writers)
CREATE SEQUENCE store_generation;
`,
  },
  {
    version: 3,
    name: 'summary tables: actors, month_stats, pair_stats',
    sql: `
CREATE TABLE actors (
  code text COLLATE "C" NOT NULL,
  actor text COLLATE "C" NOT NULL,
  name text COLLATE "C",
  country text COLLATE "C",
  events integer NOT NULL,
  PRIMARY KEY (code, actor)
);
CREATE INDEX actors_actor ON actors (actor) WHERE actor <> '';
CREATE INDEX actors_events ON actors (events);

CREATE TABLE month_stats (
  month text COLLATE "C" NOT NULL,
  quad integer NOT NULL,
  events integer NOT NULL,
  gsum double precision NOT NULL,
  PRIMARY KEY (month, quad)
);

CREATE TABLE pair_stats (
  source_code text COLLATE "C" NOT NULL,
  target_code text COLLATE "C" NOT NULL,
  events integer NOT NULL,
  gsum double precision NOT NULL,
  PRIMARY KEY (source_code, target_code)
);

-- from the events already stored
INSERT INTO actors (code, actor, name, country, events)
SELECT code, actor, max(name), max(country), count(*) FROM (
  SELECT source_code AS code, coalesce(source_actor, '') AS actor, source_name AS name, source_country AS country
  FROM events WHERE source_code IS NOT NULL
  UNION ALL
  SELECT target_code, coalesce(target_actor, ''), target_name, target_country FROM events
  WHERE target_code IS NOT NULL
    AND NOT (source_code IS NOT DISTINCT FROM target_code AND coalesce(source_actor, '') = coalesce(target_actor, ''))
) s GROUP BY code, actor;
INSERT INTO month_stats (month, quad, events, gsum)
SELECT month, quad, count(*), sum(goldstein) FROM events WHERE month IS NOT NULL GROUP BY month, quad;
INSERT INTO pair_stats (source_code, target_code, events, gsum)
SELECT source_code, target_code, count(*), sum(goldstein) FROM events
WHERE source_code IS NOT NULL AND target_code IS NOT NULL GROUP BY source_code, target_code;
`,
  },
  {
    version: 4,
    name: 'code_overlap: events counted once per actor code',
    sql: `
CREATE TABLE code_overlap (
  code text COLLATE "C" PRIMARY KEY,
  events integer NOT NULL
);
INSERT INTO code_overlap (code, events)
SELECT source_code, count(*) FROM events
WHERE source_code = target_code AND coalesce(source_actor, '') <> coalesce(target_actor, '')
GROUP BY source_code;
`,
  },
];

/** Key of the session advisory lock that serialises migrations (any constant would do). */
const MIGRATION_LOCK = 7_261_843_001;

/**
 * Apply the migrations not yet recorded, in order, each in its own transaction, under
 * `pg_advisory_lock`. Returns the versions applied by this call. Throws when the database was
 * written by a newer Rasad (a version this code does not know).
 */
export async function migrate(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied text NOT NULL)',
      );
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      for (const m of pendingMigrations(
        migrations,
        rows.map((r) => r.version),
      )) {
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, $3)', [
            m.version,
            m.name,
            new Date().toISOString(),
          ]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        }
        applied.push(m.version);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
  return applied;
}
