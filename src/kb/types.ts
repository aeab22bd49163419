/**
 * The knowledge base as loaded from the human-editable TSV files in data/kb/.
 * File formats are documented in data/kb/README.md. Arabic strings here are as written
 * in the files; matchers normalise them with text/normalize.ts.
 */

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; open ends are null. */
export type PartialDate = string;

export interface Country {
  /** ISO 3166-1 alpha-3 (CAMEO country code): `SYR`. */
  code: string;
  nameEn: string;
  /** Arabic names and variants: سوريا, سورية, الجمهورية العربية السورية. */
  namesAr: string[];
  /** Masculine singular nisba bases without ال: سوري (all inflections are generated). */
  nisbas: string[];
  /** Broken plurals and other irregular nisba forms: روس, أتراك. */
  nisbaIrregular: string[];
  /** Place id of the capital, or null. */
  capital: string | null;
  /** `state` (UN member or observer, or the listed partially recognised ones) or `territory`. */
  kind: 'state' | 'territory';
  /** Names from namesAr that knowingly also name another entry or are common words: the matcher needs context (column `ambiguous_ar`). */
  ambiguousAr?: string[];
  /** Free-text reviewer note (column `note`). */
  note?: string;
  file: string;
  line: number;
}

export type PlaceKind = 'capital' | 'city' | 'region';

export interface PlaceEntry {
  /** Slug id: `moscow`, `gaza-strip`. */
  id: string;
  nameEn: string;
  namesAr: string[];
  country: string;
  lat: number;
  lon: number;
  kind: PlaceKind;
  population: number | null;
  /** Names from namesAr that knowingly also name another entry or are common words: the matcher needs context (column `ambiguous_ar`). */
  ambiguousAr?: string[];
  /** Free-text reviewer note (column `note`). */
  note?: string;
  file: string;
  line: number;
}

/** `group`: an identified group of people coded as one actor (settlers: ISRCVL). */
export type OrgKind =
  | 'igo'
  | 'armed'
  | 'party'
  | 'state'
  | 'media'
  | 'ngo'
  | 'business'
  | 'religious'
  | 'group';

export interface Organisation {
  /** Slug id: `un`, `arab-league`, `isis`. */
  id: string;
  nameEn: string;
  namesAr: string[];
  /** CAMEO actor code: `IGOUNO`, `IMGISI`, `YEMREB`, `RUSGOV`. */
  code: string;
  /** 3-letter country or null. */
  country: string | null;
  kind: OrgKind;
  wikidata: string | null;
  /** Names from namesAr that knowingly also name another entry or are common words: the matcher needs context (column `ambiguous_ar`). */
  ambiguousAr?: string[];
  /** Free-text reviewer note (column `note`). */
  note?: string;
  file: string;
  line: number;
}

export type RoleKind = 'person' | 'body';

export interface Role {
  /** Key referenced by person offices: `foreign_minister`. */
  key: string;
  /** Arabic phrases: وزير الخارجية, وزيرة الخارجية. */
  namesAr: string[];
  /** Sector code appended to the country: GOV, MIL, SPY, COP, LEG, JUD, ... */
  sector: string;
  officeEn: string;
  kind: RoleKind;
  /** Names from namesAr that knowingly also name another entry or are common words: the matcher needs context (column `ambiguous_ar`). */
  ambiguousAr?: string[];
  /** Free-text reviewer note (column `note`). */
  note?: string;
  file: string;
  line: number;
}

export interface Office {
  /** Full actor code while in this office: `RUSGOV`, `IGOUNO`, `YEMREB`. */
  code: string;
  /** Role key from roles.tsv. */
  role: string;
  from: PartialDate | null;
  to: PartialDate | null;
}

export interface Person {
  /** Slug id: `sergey-lavrov`. */
  id: string;
  nameEn: string;
  /** Full-name variants: سيرغي لافروف, سيرجي لافروف. */
  namesAr: string[];
  /** Short names safe to match on their own anywhere: لافروف, بوتين. */
  shortAr: string[];
  wikidata: string | null;
  offices: Office[];
  file: string;
  line: number;
}

export interface KnowledgeBase {
  countries: Country[];
  places: PlaceEntry[];
  organisations: Organisation[];
  roles: Role[];
  persons: Person[];
}

/** A validation problem, always with file and line. */
export interface KbIssue {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  message: string;
}
