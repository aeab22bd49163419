/**
 * Versioned schema of the SQLite event store: an ordered list of migrations, each applied once and
 * recorded in `schema_migrations` (see `migrate` in ./database.ts).
 *
 * Tables:
 * - `articles`: one row per document; `seq` is the insertion order (rowid), `hash` the sha256 of
 *   the text (unique: the same text is stored once).
 * - `article_fts`: contentless FTS5 index (rowid = articles.seq) over the normalised terms of the
 *   text (src/store/search-text.ts), so Arabic queries ignore tashkeel, hamza forms and clitics;
 *   `detail = none` (queries are terms, never phrases) keeps it small.
 * - `events`: merged events, flattened (actors, place) so filters are plain indexed columns. `day`
 *   is the first day of the date (`2024-05` → `2024-05-01`) for ranges and ordering; `month` is
 *   `YYYY-MM` for series.
 * - `mentions`: the extractor records (one row each, the whole record as JSON), `seq` = storage
 *   order (the first mention of an event is the one with the lowest seq).
 * - summaries kept up to date on every write, so the overview, actor search and network do not scan
 *   a million events: `actors` (per actor code and actor id: events as source or target),
 *   `month_stats` (per month and quad class), `pair_stats` (per directed pair of actor codes, with
 *   events per quad class).
 * - `code_overlap` (migration 2): per actor code, the events naming it on both sides under two
 *   different actor ids, so the events of a code are counted once (src/store/summaries.ts).
 * - `counters`: rows of articles (all, pending, failed), mentions and events, kept by triggers, so
 *   counts do not scan a million rows.
 * - `meta`: `generation`, incremented by every write transaction (read caches are keyed on it).
 *
 * Indexes follow the queries (src/store/sqlite/filter.ts): an actor code prefix is expanded to the
 * codes in use (`SYR` → SYR, SYRGOV, SYRMIL …) and each side is searched code by code in
 * (source_code, day, quad, goldstein, target_code, num_mentions, num_articles) or its target
 * mirror — a date range narrows the search, and the other columns answer quad filters, series,
 * partner lists and both orders without reading event rows; a pair is searched in (source_code, target_code, day, quad,
 * goldstein, num_articles, num_mentions), once per direction, which also answers the relation's
 * most reported events; (day, quad, goldstein, num_mentions, source_code, target_code) orders and
 * bounds date-only queries and answers the overview of a date range without reading event rows;
 * `merge_key, date` finds merge candidates.
 */

import type { Migration } from '../schema-versions.js';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, events, mentions, full-text index, summaries',
    sql: `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('generation', '0');

CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL,
  title TEXT,
  url TEXT,
  source TEXT,
  published TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
  error TEXT,
  events INTEGER NOT NULL DEFAULT 0,
  added TEXT NOT NULL
);
CREATE INDEX articles_status ON articles (status, seq);

CREATE VIRTUAL TABLE article_fts USING fts5 (
  terms,
  content = '',
  contentless_delete = 1,
  detail = none,
  tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  merge_key TEXT,
  date TEXT,
  day TEXT,
  month TEXT,
  code TEXT NOT NULL,
  root TEXT NOT NULL,
  quad INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  plover TEXT,
  source_code TEXT,
  source_country TEXT,
  source_actor TEXT,
  source_name TEXT,
  source_text TEXT,
  target_code TEXT,
  target_country TEXT,
  target_actor TEXT,
  target_name TEXT,
  target_text TEXT,
  place_name TEXT,
  place_name_ar TEXT,
  place_key_en TEXT,
  place_key_ar TEXT,
  place_country TEXT,
  place_lat REAL,
  place_lon REAL,
  modality TEXT NOT NULL,
  confidence REAL NOT NULL,
  num_mentions INTEGER NOT NULL,
  num_articles INTEGER NOT NULL,
  num_sources INTEGER NOT NULL,
  first_article TEXT NOT NULL,
  trigger TEXT NOT NULL,
  added TEXT NOT NULL
);
CREATE INDEX events_merge ON events (merge_key, date);
CREATE INDEX events_day ON events (day, quad, goldstein, num_mentions, source_code, target_code);
CREATE INDEX events_src ON events (source_code, target_code, day, quad, goldstein, num_articles, num_mentions);
CREATE INDEX events_src_day ON events (source_code, day, quad, goldstein, target_code, num_mentions, num_articles);
CREATE INDEX events_tgt_day ON events (target_code, day, quad, goldstein, source_code, num_mentions, num_articles);
CREATE INDEX events_code ON events (code, day);
CREATE INDEX events_src_actor ON events (source_actor, day) WHERE source_actor IS NOT NULL;
CREATE INDEX events_tgt_actor ON events (target_actor, day) WHERE target_actor IS NOT NULL;
CREATE INDEX events_src_country ON events (source_country, day);
CREATE INDEX events_tgt_country ON events (target_country, day);
CREATE INDEX events_place_country ON events (place_country, day);
CREATE INDEX events_place_en ON events (place_key_en) WHERE place_key_en IS NOT NULL;
CREATE INDEX events_place_ar ON events (place_key_ar) WHERE place_key_ar IS NOT NULL;
CREATE INDEX events_mentions ON events (num_mentions, num_articles);

CREATE TABLE mentions (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  event_id TEXT NOT NULL REFERENCES events (id),
  article TEXT NOT NULL REFERENCES articles (id),
  sentence INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  trigger TEXT NOT NULL,
  code TEXT NOT NULL,
  modality TEXT NOT NULL,
  confidence REAL NOT NULL,
  pattern TEXT NOT NULL,
  outlet TEXT,
  merge_date TEXT,
  record TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions (event_id, seq);
CREATE INDEX mentions_article ON mentions (article, start);

CREATE TABLE actors (
  code TEXT NOT NULL,
  actor TEXT NOT NULL,
  name TEXT,
  country TEXT,
  events INTEGER NOT NULL,
  PRIMARY KEY (code, actor)
) WITHOUT ROWID;
CREATE INDEX actors_actor ON actors (actor) WHERE actor <> '';
CREATE INDEX actors_events ON actors (events);

CREATE TABLE month_stats (
  month TEXT NOT NULL,
  quad INTEGER NOT NULL,
  events INTEGER NOT NULL,
  gsum REAL NOT NULL,
  PRIMARY KEY (month, quad)
) WITHOUT ROWID;

CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, n) VALUES ('articles', 0), ('pending', 0), ('failed', 0), ('mentions', 0), ('events', 0);
CREATE TRIGGER articles_counted_insert AFTER INSERT ON articles BEGIN
  UPDATE counters SET n = n + 1 WHERE name IN ('articles', NEW.status);
END;
CREATE TRIGGER articles_counted_delete AFTER DELETE ON articles BEGIN
  UPDATE counters SET n = n - 1 WHERE name IN ('articles', OLD.status);
END;
CREATE TRIGGER articles_counted_status AFTER UPDATE OF status ON articles WHEN OLD.status IS NOT NEW.status BEGIN
  UPDATE counters SET n = n - 1 WHERE name = OLD.status;
  UPDATE counters SET n = n + 1 WHERE name = NEW.status;
END;
CREATE TRIGGER mentions_counted_insert AFTER INSERT ON mentions BEGIN
  UPDATE counters SET n = n + 1 WHERE name = 'mentions';
END;
CREATE TRIGGER mentions_counted_delete AFTER DELETE ON mentions BEGIN
  UPDATE counters SET n = n - 1 WHERE name = 'mentions';
END;
CREATE TRIGGER events_counted_insert AFTER INSERT ON events BEGIN
  UPDATE counters SET n = n + 1 WHERE name = 'events';
END;
CREATE TRIGGER events_counted_delete AFTER DELETE ON events BEGIN
  UPDATE counters SET n = n - 1 WHERE name = 'events';
END;

CREATE TABLE pair_stats (
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  events INTEGER NOT NULL,
  gsum REAL NOT NULL,
  q1 INTEGER NOT NULL DEFAULT 0,
  q2 INTEGER NOT NULL DEFAULT 0,
  q3 INTEGER NOT NULL DEFAULT 0,
  q4 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (source_code, target_code)
) WITHOUT ROWID;
`,
  },
  {
    version: 2,
    name: 'code_overlap: events counted once per actor code',
    sql: `
CREATE TABLE code_overlap (
  code TEXT PRIMARY KEY,
  events INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO code_overlap (code, events)
SELECT source_code, count(*) FROM events
WHERE source_code = target_code AND ifnull(source_actor, '') <> ifnull(target_actor, '')
GROUP BY source_code;
`,
  },
];
