/**
 * Load and validate the knowledge base from data/kb/ (formats in data/kb/README.md).
 * Every problem is collected with file:line; loading throws one KbError listing all errors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkKnowledgeBase } from './check.js';
import { IssueList, isNone, parseTsv, splitList, type TsvRow, type TsvSpec } from './tsv.js';
import type {
  Country,
  KbIssue,
  KnowledgeBase,
  Office,
  Organisation,
  OrgKind,
  Person,
  PlaceEntry,
  PlaceKind,
  Role,
  RoleKind,
} from './types.js';

export class KbError extends Error {
  readonly issues: KbIssue[];
  constructor(issues: KbIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    const shown = errors.slice(0, 50).map((i) => `  ${i.file}:${i.line}: ${i.message}`);
    if (errors.length > shown.length) shown.push(`  ... and ${errors.length - shown.length} more`);
    super(`knowledge base has ${errors.length} error(s):\n${shown.join('\n')}`);
    this.name = 'KbError';
    this.issues = errors;
  }
}

/** The directory holding package.json above this module (works from src/ and from dist/src/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export function defaultKbDir(): string {
  return join(repoRoot(), 'data', 'kb');
}

const OPTIONAL = ['ambiguous_ar', 'note'] as const;

export const SPECS = {
  countries: {
    required: ['code', 'name_en', 'names_ar', 'nisba', 'nisba_irregular', 'capital', 'kind'],
    optional: OPTIONAL,
  },
  places: {
    required: ['id', 'name_en', 'names_ar', 'country', 'lat', 'lon', 'kind', 'population'],
    optional: OPTIONAL,
  },
  organisations: {
    required: ['id', 'name_en', 'names_ar', 'code', 'country', 'kind', 'wikidata'],
    optional: OPTIONAL,
  },
  roles: { required: ['key', 'names_ar', 'sector', 'office_en', 'kind'], optional: OPTIONAL },
  persons: { required: ['id', 'name_en', 'names_ar', 'short_ar', 'wikidata', 'offices'], optional: ['note'] },
} satisfies Record<string, TsvSpec>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ROLE_KEY = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{3}$/;
const SECTOR = /^[A-Z]{3}$/;
const WIKIDATA = /^Q[1-9][0-9]*$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const HAS_ARABIC = /\p{Script=Arabic}/u;
const HAS_LATIN = /\p{Script=Latin}/u;
/**
 * Anything wrong in a `|`-separated cell of Arabic names: an item without an Arabic letter (also an
 * empty item), a Latin letter, a double space, or a space next to a separator or at either end.
 */
const ARABIC_CELL_PROBLEM = /(?:^|\|)[^|\p{Script=Arabic}]*(?:\||$)|\p{Script=Latin}|\s\s|\s\||\|\s|^\s|\s$/u;
/** A well-formed office `CODE:role_key:FROM:TO` (dates still need their month/day checked). */
const OFFICE =
  /^(?:[A-Z]{3})+:[a-z][a-z0-9]*(?:_[a-z0-9]+)*:(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?:(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const COUNT = /^\d+$/;
const ACTOR = /^(?:[A-Z]{3})+$/;
const ORG_KINDS: readonly OrgKind[] = [
  'igo',
  'armed',
  'party',
  'state',
  'media',
  'ngo',
  'business',
  'religious',
  'group',
];
const PLACE_KINDS: readonly PlaceKind[] = ['capital', 'city', 'region'];
const ROLE_KINDS: readonly RoleKind[] = ['person', 'body'];

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day. */
export function isPartialDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const year = Number(m[1]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!;
  return day >= 1 && day <= days;
}

class RowReader {
  constructor(
    readonly row: TsvRow,
    readonly issues: IssueList,
  ) {}
  private err(column: string, message: string): void {
    this.issues.error(this.row.file, this.row.line, `column ${column}: ${message}`);
  }
  text(column: string): string {
    const v = this.row.get(column);
    if (isNone(v)) this.err(column, 'must not be empty');
    return v;
  }
  match(column: string, re: RegExp, what: string): string {
    const v = this.row.get(column);
    if (!re.test(v)) this.err(column, `expected ${what}, got "${v}"`);
    return v;
  }
  optionalMatch(column: string, re: RegExp, what: string): string | null {
    const v = this.row.get(column);
    if (isNone(v)) return null;
    if (!re.test(v)) this.err(column, `expected ${what} or -, got "${v}"`);
    return v;
  }
  oneOf<T extends string>(column: string, values: readonly T[]): T {
    const v = this.row.get(column);
    if (!(values as readonly string[]).includes(v))
      this.err(column, `expected one of ${values.join('|')}, got "${v}"`);
    return v as T;
  }
  number(column: string, min: number, max: number): number {
    const v = this.row.get(column);
    const n = NUMBER.test(v) ? Number(v) : Number.NaN;
    if (n >= min && n <= max) return n;
    this.err(column, `expected a number between ${min} and ${max}, got "${v}"`);
    return Number.NaN; // reported here; checkKnowledgeBase skips NaN
  }
  optionalCount(column: string): number | null {
    const v = this.row.get(column);
    if (isNone(v)) return null;
    if (!COUNT.test(v)) {
      this.err(column, `expected a whole number or -, got "${v}"`);
      return null;
    }
    return Number(v);
  }
  arabic(column: string, required: boolean): string[] {
    const cell = this.row.get(column);
    // fast path: one regex test per cell when nothing is wrong with it
    if (!isNone(cell) && !ARABIC_CELL_PROBLEM.test(cell)) return cell.split('|');
    const list = splitList(this.row, column, this.issues);
    if (required && list.length === 0) this.err(column, 'needs at least one Arabic name');
    for (const name of list) {
      if (!HAS_ARABIC.test(name) || HAS_LATIN.test(name)) this.err(column, `not an Arabic name: "${name}"`);
      else if (name.includes('  ')) this.err(column, `double space in "${name}"`);
    }
    return list;
  }
  /** ambiguous_ar: each must be one of `names` (exact spelling). */
  ambiguous(names: string[]): string[] | undefined {
    const list = this.arabic('ambiguous_ar', false);
    for (const a of list) {
      if (!names.includes(a)) this.err('ambiguous_ar', `"${a}" is not one of names_ar`);
    }
    return list.length > 0 ? list : undefined;
  }
  note(): string | undefined {
    const v = this.row.get('note');
    return isNone(v) ? undefined : v;
  }
}

function readTable(dir: string, name: string, spec: TsvSpec, issues: IssueList, root: string) {
  const path = join(dir, name);
  const file = displayPath(path, root);
  if (!existsSync(path)) {
    issues.error(file, 0, 'file is missing');
    return [];
  }
  return parseTsv(readFileSync(path, 'utf8'), file, spec, issues).rows;
}

/** `path` relative to `root` when inside it (cheap prefix test; both are resolved paths). */
function displayPath(path: string, root: string): string {
  const prefix = root.endsWith(sep) ? root : root + sep;
  return path.startsWith(prefix) ? path.slice(prefix.length).split(sep).join('/') : path;
}

export function parseCountries(rows: TsvRow[], issues: IssueList): Country[] {
  return rows.map((row) => {
    const r = new RowReader(row, issues);
    const namesAr = r.arabic('names_ar', true);
    const c: Country = {
      code: r.match('code', COUNTRY, 'an ISO 3166-1 alpha-3 code (3 capital letters)'),
      nameEn: r.text('name_en'),
      namesAr,
      nisbas: r.arabic('nisba', false),
      nisbaIrregular: r.arabic('nisba_irregular', false),
      capital: r.optionalMatch('capital', SLUG, 'a place id (lower-case slug)'),
      kind: r.oneOf('kind', ['state', 'territory'] as const),
      file: row.file,
      line: row.line,
    };
    for (const n of c.nisbas) {
      if (n.startsWith('ال'))
        issues.error(row.file, row.line, `column nisba: give the base without ال: "${n}"`);
    }
    const amb = r.ambiguous(namesAr);
    if (amb) c.ambiguousAr = amb;
    const note = r.note();
    if (note) c.note = note;
    return c;
  });
}

export function parsePlaces(rows: TsvRow[], issues: IssueList): PlaceEntry[] {
  return rows.map((row) => {
    const r = new RowReader(row, issues);
    const namesAr = r.arabic('names_ar', true);
    const p: PlaceEntry = {
      id: r.match('id', SLUG, 'a lower-case slug'),
      nameEn: r.text('name_en'),
      namesAr,
      country: r.match('country', COUNTRY, 'an ISO 3166-1 alpha-3 code'),
      lat: r.number('lat', -90, 90),
      lon: r.number('lon', -180, 180),
      kind: r.oneOf('kind', PLACE_KINDS),
      population: r.optionalCount('population'),
      file: row.file,
      line: row.line,
    };
    const amb = r.ambiguous(namesAr);
    if (amb) p.ambiguousAr = amb;
    const note = r.note();
    if (note) p.note = note;
    return p;
  });
}

export function parseOrganisations(rows: TsvRow[], issues: IssueList): Organisation[] {
  return rows.map((row) => {
    const r = new RowReader(row, issues);
    const namesAr = r.arabic('names_ar', true);
    const o: Organisation = {
      id: r.match('id', SLUG, 'a lower-case slug'),
      nameEn: r.text('name_en'),
      namesAr,
      code: r.match('code', ACTOR, 'an actor code (groups of 3 capital letters)'),
      country: r.optionalMatch('country', COUNTRY, 'an ISO 3166-1 alpha-3 code'),
      kind: r.oneOf('kind', ORG_KINDS),
      wikidata: r.optionalMatch('wikidata', WIKIDATA, 'a Wikidata id (Q123)'),
      file: row.file,
      line: row.line,
    };
    const amb = r.ambiguous(namesAr);
    if (amb) o.ambiguousAr = amb;
    const note = r.note();
    if (note) o.note = note;
    return o;
  });
}

export function parseRoles(rows: TsvRow[], issues: IssueList): Role[] {
  return rows.map((row) => {
    const r = new RowReader(row, issues);
    const namesAr = r.arabic('names_ar', true);
    const sector = row.get('sector');
    const role: Role = {
      key: r.match('key', ROLE_KEY, 'a lower_snake_case key'),
      namesAr,
      sector: isNone(sector) ? '' : r.match('sector', SECTOR, 'a 3-letter sector code or -'),
      officeEn: r.text('office_en'),
      kind: r.oneOf('kind', ROLE_KINDS),
      file: row.file,
      line: row.line,
    };
    const amb = r.ambiguous(namesAr);
    if (amb) role.ambiguousAr = amb;
    const note = r.note();
    if (note) role.note = note;
    return role;
  });
}

/** Parse an offices cell: `;`-separated `CODE:role_key:FROM:TO`. */
export function parseOffices(row: TsvRow, issues: IssueList): Office[] {
  const cell = row.get('offices');
  if (isNone(cell)) return [];
  const out: Office[] = [];
  for (const part of cell.split(';')) {
    const item = part.trim();
    if (item === '') {
      issues.error(row.file, row.line, `column offices: empty office in "${cell}"`);
      continue;
    }
    const f = item.split(':');
    if (OFFICE.test(item)) {
      const [code, role, from, to] = f as [string, string, string, string];
      if (
        (from === '' || from.length === 4 || isPartialDate(from)) &&
        (to === '' || to.length === 4 || isPartialDate(to))
      ) {
        out.push({ code, role, from: from === '' ? null : from, to: to === '' ? null : to });
        continue;
      }
    }
    if (f.length !== 4) {
      issues.error(row.file, row.line, `column offices: expected CODE:role:FROM:TO, got "${item}"`);
      continue;
    }
    const [code, role, from, to] = f as [string, string, string, string];
    let ok = true;
    if (!ACTOR.test(code)) {
      issues.error(row.file, row.line, `column offices: bad actor code "${code}" in "${item}"`);
      ok = false;
    }
    if (!ROLE_KEY.test(role)) {
      issues.error(row.file, row.line, `column offices: bad role key "${role}" in "${item}"`);
      ok = false;
    }
    for (const d of [from, to]) {
      if (d !== '' && !isPartialDate(d)) {
        issues.error(
          row.file,
          row.line,
          `column offices: expected a date YYYY, YYYY-MM or YYYY-MM-DD, got "${d}"`,
        );
        ok = false;
      }
    }
    if (ok) out.push({ code, role, from: from === '' ? null : from, to: to === '' ? null : to });
  }
  return out;
}

export function parsePersons(rows: TsvRow[], issues: IssueList): Person[] {
  return rows.map((row) => {
    const r = new RowReader(row, issues);
    return {
      id: r.match('id', SLUG, 'a lower-case slug'),
      nameEn: r.text('name_en'),
      namesAr: r.arabic('names_ar', true),
      shortAr: r.arabic('short_ar', false),
      wikidata: r.optionalMatch('wikidata', WIKIDATA, 'a Wikidata id (Q123)'),
      offices: parseOffices(row, issues),
      file: row.file,
      line: row.line,
    };
  });
}

export interface KbLoadResult {
  kb: KnowledgeBase;
  /** All issues, errors and warnings, in file order then cross-file checks. */
  issues: KbIssue[];
}

/** Load and check without throwing (for `rasad dict check`). */
export function loadKnowledgeBaseWithIssues(dir: string = defaultKbDir()): KbLoadResult {
  const root = resolve(dir, '..', '..');
  const issues = new IssueList();
  const countries = parseCountries(readTable(dir, 'countries.tsv', SPECS.countries, issues, root), issues);
  const places = parsePlaces(readTable(dir, 'places.tsv', SPECS.places, issues, root), issues);
  const organisations = parseOrganisations(
    readTable(dir, 'organisations.tsv', SPECS.organisations, issues, root),
    issues,
  );
  const roles = parseRoles(readTable(dir, 'roles.tsv', SPECS.roles, issues, root), issues);
  const persons: Person[] = [];
  const personsDir = join(dir, 'persons');
  if (existsSync(personsDir)) {
    for (const name of readdirSync(personsDir).sort()) {
      if (!name.endsWith('.tsv')) continue;
      persons.push(...parsePersons(readTable(personsDir, name, SPECS.persons, issues, root), issues));
    }
  }
  const kb: KnowledgeBase = { countries, places, organisations, roles, persons };
  issues.issues.push(...checkKnowledgeBase(kb));
  return { kb, issues: issues.issues };
}

let cached: { dir: string; kb: KnowledgeBase } | null = null;

/**
 * Load the knowledge base (default: <repo>/data/kb). Throws KbError listing every
 * error with file:line when anything is malformed; warnings do not throw.
 * The default directory is cached after the first successful load.
 */
export function loadKnowledgeBase(dir?: string): KnowledgeBase {
  const d = resolve(dir ?? defaultKbDir());
  if (cached && cached.dir === d) return cached.kb;
  const { kb, issues } = loadKnowledgeBaseWithIssues(d);
  if (issues.some((i) => i.severity === 'error')) throw new KbError(issues);
  if (dir === undefined) cached = { dir: d, kb };
  return kb;
}
