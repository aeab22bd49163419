/**
 * The one data contract of Rasad: document → sentences → tokens (with clitic pieces)
 * → time expressions → actor and place mentions → events.
 *
 * Every span carries `start`/`end` as JavaScript string indices (UTF-16 code units)
 * into the document text exactly as given, end exclusive:
 * `doc.text.slice(span.start, span.end) === span.text`.
 * Normalised forms (`norm`, `stem`, `lemma`) are for matching only, never for offsets.
 */

/** An input document, as in ../shared/spec/event-record.md. */
export interface InputDocument {
  id: string;
  text: string;
  /** `YYYY-MM-DD` or full ISO-8601; the anchor for relative dates. */
  published?: string | null;
  title?: string | null;
  url?: string | null;
  source?: string | null;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence extends Span {
  index: number;
  /** A heading: a short line without final punctuation. */
  heading: boolean;
}

export type PieceKind = 'proclitic' | 'stem' | 'enclitic';

/** One clitic piece of a token: `وبالرئيس` → و, ب, ال, رئيس. */
export interface Piece extends Span {
  kind: PieceKind;
  /** Normalised form of the piece (see text/normalize.ts). */
  norm: string;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'latin' | 'symbol';

export interface Token extends Span {
  /** Index of the token in the document's token list. */
  index: number;
  /** Index of the sentence holding it. */
  sentence: number;
  kind: TokenKind;
  /** Normalised form of the whole token. */
  norm: string;
  /** Clitic segmentation, in text order. A token with no clitics has one `stem` piece. */
  pieces: Piece[];
  /** Normalised stem piece: the token without proclitics (including ال) and enclitics. */
  stem: string;
  /** Light-stem key for matching inflections (وصل / يصل / سيصل / وصلت → one key). */
  lemma: string;
}

export type DatePrecision = 'day' | 'month' | 'year';

export type TimeKind = 'date' | 'hijri' | 'weekday' | 'relative' | 'month' | 'year' | 'duration';

export interface TimeExpression extends Span {
  sentence: number;
  kind: TimeKind;
  /** Resolved date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), null when unresolvable (no `published`). */
  value: string | null;
  precision: DatePrecision | null;
}

/** An actor as written into event records (spec: Actor). */
export interface Actor extends Span {
  /** CAMEO-style actor code: `SYRGOV`, `RUS`, `IGOUNO`. */
  code: string;
  /** 3-letter country, null for actors with none (IGOs, NGOs, transnational groups). */
  country: string | null;
  /** Canonical id of a known person or organisation, null for generic mentions. */
  actor: string | null;
  /** Canonical English name of `actor`, or null. */
  name: string | null;
}

export type ActorKind = 'person' | 'role' | 'org' | 'body' | 'country' | 'nisba' | 'capital' | 'group';

/** How a mention was resolved to its actor (explainability). */
export type Resolution =
  | 'dictionary'
  | 'role+nisba'
  | 'role+name'
  | 'role+org'
  | 'surname'
  | 'title+surname'
  | 'role-only'
  | 'counterpart'
  | 'side'
  | 'capital'
  | 'ministry'
  | 'nisba'
  | 'country'
  | 'previous-mention';

export interface ActorMention extends Actor {
  sentence: number;
  kind: ActorKind;
  resolution: Resolution;
  /** Token index range [tokenStart, tokenEnd) covered by the mention. */
  tokenStart: number;
  tokenEnd: number;
  /** Office held on the document date, when known (`foreign minister`). */
  office?: string | null;
}

export interface Place {
  name: string;
  name_ar: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface PlaceMention extends Span, Place {
  sentence: number;
  /** Knowledge-base id of the place. */
  id: string;
  kind: 'city' | 'capital' | 'region' | 'country';
  tokenStart: number;
  tokenEnd: number;
}

export type Modality = 'asserted' | 'future' | 'hypothetical' | 'negated';

export interface EventRecord {
  id: string;
  article: string;
  sentence: number;
  code: string;
  root: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  plover?: string;
  source: Actor | null;
  target: Actor | null;
  date: string | null;
  date_text: string | null;
  place: Place | null;
  modality: Modality;
  attribution?: Actor | null;
  trigger: { text: string; start: number; end: number };
  pattern: string;
  confidence: number;
  mentions?: { sentence: number; start: number; end: number }[];
}

/** A document after the pipeline has run. Stages add fields; none rewrites another's. */
export interface AnnotatedDocument {
  doc: InputDocument;
  /** The publication date as `YYYY-MM-DD`, or null. */
  anchor: string | null;
  sentences: Sentence[];
  tokens: Token[];
  times: TimeExpression[];
  actors: ActorMention[];
  places: PlaceMention[];
  events: EventRecord[];
}
