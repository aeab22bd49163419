/**
 * Flat (one value per column) views of events and mentions, shared by the CSV and Parquet exports,
 * with the column names and types in one place.
 */
import type { EventActor, Mention, StoredEvent } from '../store/types.js';
import { numericEventId } from './fields.js';

export type FlatValue = string | number | bigint | null;
export type FlatType = 'string' | 'int32' | 'int64' | 'double' | 'timestamp';

export interface FlatColumn<T> {
  name: string;
  type: FlatType;
  /** False for columns that always have a value. */
  nullable: boolean;
  get: (x: T) => FlatValue;
}

function actorColumns(side: 'source' | 'target'): FlatColumn<StoredEvent>[] {
  const a = (e: StoredEvent): EventActor | null => e[side];
  return [
    { name: `${side}_code`, type: 'string', nullable: true, get: (e) => a(e)?.code ?? null },
    { name: `${side}_country`, type: 'string', nullable: true, get: (e) => a(e)?.country ?? null },
    { name: `${side}_actor`, type: 'string', nullable: true, get: (e) => a(e)?.actor ?? null },
    { name: `${side}_name`, type: 'string', nullable: true, get: (e) => a(e)?.name ?? null },
    { name: `${side}_text`, type: 'string', nullable: true, get: (e) => a(e)?.text ?? null },
  ];
}

/** Columns of one event. */
export const EVENT_COLUMNS: readonly FlatColumn<StoredEvent>[] = [
  { name: 'id', type: 'string', nullable: false, get: (e) => e.id },
  { name: 'gdelt_id', type: 'int64', nullable: false, get: (e) => numericEventId(e.id) },
  { name: 'date', type: 'string', nullable: true, get: (e) => e.date },
  { name: 'code', type: 'string', nullable: false, get: (e) => e.code },
  { name: 'root', type: 'string', nullable: false, get: (e) => e.root },
  { name: 'quad', type: 'int32', nullable: false, get: (e) => e.quad },
  { name: 'goldstein', type: 'double', nullable: false, get: (e) => e.goldstein },
  { name: 'plover', type: 'string', nullable: true, get: (e) => e.plover },
  ...actorColumns('source'),
  ...actorColumns('target'),
  { name: 'place_name', type: 'string', nullable: true, get: (e) => e.place?.name ?? null },
  { name: 'place_name_ar', type: 'string', nullable: true, get: (e) => e.place?.name_ar ?? null },
  { name: 'place_country', type: 'string', nullable: true, get: (e) => e.place?.country ?? null },
  { name: 'place_lat', type: 'double', nullable: true, get: (e) => e.place?.lat ?? null },
  { name: 'place_lon', type: 'double', nullable: true, get: (e) => e.place?.lon ?? null },
  { name: 'modality', type: 'string', nullable: false, get: (e) => e.modality },
  { name: 'confidence', type: 'double', nullable: false, get: (e) => e.confidence },
  { name: 'num_mentions', type: 'int32', nullable: false, get: (e) => e.num_mentions },
  { name: 'num_articles', type: 'int32', nullable: false, get: (e) => e.num_articles },
  { name: 'num_sources', type: 'int32', nullable: false, get: (e) => e.num_sources },
  { name: 'first_article', type: 'string', nullable: false, get: (e) => e.first_article },
  { name: 'trigger', type: 'string', nullable: false, get: (e) => e.trigger },
  { name: 'added', type: 'timestamp', nullable: true, get: (e) => e.added },
];

/** Columns of one mention (the CSV `mentions` variant adds them after the event's). */
export const MENTION_COLUMNS: readonly FlatColumn<Mention>[] = [
  { name: 'mention_id', type: 'string', nullable: false, get: (m) => m.id },
  { name: 'mention_article', type: 'string', nullable: false, get: (m) => m.article },
  { name: 'mention_sentence', type: 'int32', nullable: false, get: (m) => m.sentence },
  { name: 'mention_start', type: 'int32', nullable: false, get: (m) => m.start },
  { name: 'mention_end', type: 'int32', nullable: false, get: (m) => m.end },
  { name: 'mention_trigger', type: 'string', nullable: false, get: (m) => m.trigger },
  { name: 'mention_code', type: 'string', nullable: false, get: (m) => m.code },
  { name: 'mention_modality', type: 'string', nullable: false, get: (m) => m.modality },
  { name: 'mention_confidence', type: 'double', nullable: false, get: (m) => m.confidence },
  { name: 'mention_pattern', type: 'string', nullable: false, get: (m) => m.pattern },
  { name: 'mention_outlet', type: 'string', nullable: true, get: (m) => m.outlet },
  { name: 'mention_date', type: 'string', nullable: true, get: (m) => m.record.date },
  { name: 'mention_date_text', type: 'string', nullable: true, get: (m) => m.record.date_text },
  { name: 'mention_source_text', type: 'string', nullable: true, get: (m) => m.record.source?.text ?? null },
  { name: 'mention_target_text', type: 'string', nullable: true, get: (m) => m.record.target?.text ?? null },
];
