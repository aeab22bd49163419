/**
 * Event patterns as loaded from data/patterns/*.yaml (format: data/patterns/README.md).
 */

/** How an argument is found, tried in order until one gives an actor. */
export type ArgRule =
  /** Grammatical subject: first actor after a verb trigger (VSO), else the actor before it (SVO). */
  | 'subject'
  /** Direct object: the first actor after the subject of a verb trigger, with no preposition. */
  | 'object'
  /** Genitive: the actor right after a noun trigger (`زيارة الرئيس`). */
  | 'genitive'
  /** Destination: a place or country after إلى / في / ل; the target is the place's country. */
  | 'dest'
  /** An actor introduced by this preposition (separate word or clitic piece): `prep:مع`, `prep:ب`. */
  | `prep:${string}`;

export interface PatternExample {
  text: string;
  /** Publication date used when running the example (default 2025-01-15). */
  published?: string;
  /** Expected events from this pattern: `"040 USAGOV RUSGOV"`, `-` for a null actor; [] = none. */
  expect: string[];
  line: number;
}

export interface Pattern {
  /** Unique id, `family.name`: `consult.meet`. */
  id: string;
  /** CAMEO event code, 3 or 4 digits. */
  code: string;
  /** Trigger phrases as written. */
  triggers: string[];
  /** Compiled triggers: for each phrase, the lemma keys of its words (`*` = a gap of up to 3 tokens). */
  compiled: string[][];
  kind: 'verb' | 'noun';
  source: ArgRule[];
  target: ArgRule[];
  /** Lemma keys that, when they follow the trigger within 2 tokens, cancel it (`وصل عدد`). */
  unless: string[][];
  /**
   * Lemma keys that, when they precede the trigger within 2 tokens, cancel it
   * (`وقف إطلاق النار` is not `أطلق النار`). YAML field `unless_before`; always set by the loader.
   */
  unlessBefore?: string[][];
  /** Lemma keys of which one must occur in the same clause after the trigger. */
  requires: string[][];
  confidence: number;
  examples: PatternExample[];
  file: string;
  line: number;
}
