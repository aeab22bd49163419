/**
 * Cross-file checks of a loaded knowledge base, and per-kind counts.
 */
import { normalize } from '../text/normalize.js';
import { nisbaForms } from './nisba.js';
import type { KbIssue, KnowledgeBase, Office } from './types.js';

/** Prefixes of actor codes that are not countries. */
export const NON_STATE_PREFIXES = new Set(['IGO', 'IMG', 'NGO', 'MNC']);

/**
 * Known 3-letter codes after the country / non-state prefix: CAMEO sectors (primary and
 * secondary role codes), religion codes, and the organisation codes this project uses.
 */
export const SECTOR_CODES = new Set([
  // primary roles
  'GOV',
  'MIL',
  'SPY',
  'COP',
  'LEG',
  'JUD',
  'OPP',
  'REB',
  'PTY',
  'INS',
  'SEP',
  'UAF',
  'ELI',
  'PRE',
  // secondary roles / other groups
  'MED',
  'BUS',
  'CVL',
  'CRM',
  'REF',
  'HLH',
  'EDU',
  'REL',
  'LAB',
  'AGR',
  'DEV',
  'ENV',
  'HRI',
  'MOD',
  'RAD',
  // religion
  'MOS',
  'SUN',
  'SHI',
  'CHR',
  'JEW',
]);

/** Organisation codes after IGO / IMG / NGO (CAMEO known groups used in data/kb). */
export const GROUP_CODES = new Set([
  'UNO',
  'ARL',
  'GCC',
  'EUR',
  'NAT',
  'OIC',
  'AFU',
  'IMF',
  'WBK',
  'OPC',
  'ICC',
  'ASN',
  'OAS',
  'CWN',
  'WTO',
  'ISI',
  'AQD',
  'HRW',
  'AMN',
  'IRC',
  'MSF',
]);

const ACTOR_CODE = /^(?:[A-Z]{3})+$/;

/**
 * Check the syntax of one actor code. Returns an error message, a warning message
 * (prefixed `warning:`), or null when the code is fine.
 */
export function checkActorCode(code: string, countries: ReadonlySet<string>): string | null {
  if (!ACTOR_CODE.test(code)) return `actor code "${code}" is not groups of 3 capital letters`;
  const prefix = code.slice(0, 3);
  const rest: string[] = [];
  for (let i = 3; i < code.length; i += 3) rest.push(code.slice(i, i + 3));
  if (NON_STATE_PREFIXES.has(prefix)) {
    const group = rest[0];
    if (group === undefined) return `actor code "${code}": ${prefix} needs an organisation or sector code`;
    if (!GROUP_CODES.has(group) && !SECTOR_CODES.has(group)) {
      return `warning: actor code "${code}": unknown organisation code "${group}"`;
    }
    rest.shift();
  } else if (!countries.has(prefix)) {
    return `actor code "${code}": unknown country "${prefix}" (not in countries.tsv, not IGO/IMG/NGO/MNC)`;
  }
  for (const s of rest) {
    if (!SECTOR_CODES.has(s)) return `warning: actor code "${code}": unknown sector code "${s}"`;
  }
  return null;
}

interface NameOwner {
  what: string;
  file: string;
  line: number;
}

function dateStart(d: string | null): string {
  return d ?? '0000';
}
/** Upper bound of a partial date for comparisons: 2015 → 2015-12-31, 2015-07 → 2015-07-31. */
function dateEnd(d: string | null): string {
  if (d === null) return '9999-12-31';
  if (d.length === 4) return d + '-12-31';
  if (d.length === 7) return d + '-31';
  return d;
}

/** Periods overlap when each starts before the other ends; a hand-over within the end month (or day) is not an overlap. */
function overlaps(a: Office, b: Office): boolean {
  const aEnd = a.to ?? '9999';
  const bEnd = b.to ?? '9999';
  return dateStart(a.from) < bEnd && dateStart(b.from) < aEnd;
}

export function checkKnowledgeBase(kb: KnowledgeBase): KbIssue[] {
  const issues: KbIssue[] = [];
  const codeCache = new Map<string, string | null>();
  const actorCode = (code: string): string | null => {
    let m = codeCache.get(code);
    if (m === undefined) {
      m = checkActorCode(code, countryCodes);
      codeCache.set(code, m);
    }
    return m;
  };
  const error = (file: string, line: number, message: string) =>
    issues.push({ severity: 'error', file, line, message });
  const warn = (file: string, line: number, message: string) =>
    issues.push({ severity: 'warning', file, line, message });
  /** `message` from checkActorCode: a leading `warning: ` makes it a warning. */
  const report = (file: string, line: number, prefix: string, message: string) => {
    if (message.startsWith('warning: ')) warn(file, line, prefix + message.slice(9));
    else error(file, line, prefix + message);
  };

  // duplicate ids
  const dup = <T extends { file: string; line: number }>(items: T[], key: (t: T) => string, what: string) => {
    const seen = new Map<string, T>();
    for (const it of items) {
      const k = key(it);
      const prev = seen.get(k);
      if (prev) error(it.file, it.line, `duplicate ${what} "${k}" (first at ${prev.file}:${prev.line})`);
      else seen.set(k, it);
    }
    return seen;
  };
  const countries = dup(kb.countries, (c) => c.code, 'country code');
  const places = dup(kb.places, (p) => p.id, 'place id');
  dup(kb.organisations, (o) => o.id, 'organisation id');
  const roles = dup(kb.roles, (r) => r.key, 'role key');
  dup(kb.persons, (p) => p.id, 'person id');
  const countryCodes = new Set(countries.keys());

  for (const c of kb.countries) {
    if (c.capital === null) continue;
    const p = places.get(c.capital);
    if (!p) error(c.file, c.line, `column capital: unknown place id "${c.capital}"`);
    else {
      if (p.country !== c.code) {
        error(c.file, c.line, `column capital: "${c.capital}" lies in ${p.country}, not ${c.code}`);
      }
      if (p.kind !== 'capital')
        warn(c.file, c.line, `column capital: place "${c.capital}" has kind ${p.kind}`);
    }
  }
  const capitalIds = new Set(kb.countries.map((c) => c.capital));
  for (const p of kb.places) {
    if (p.kind === 'capital' && !capitalIds.has(p.id)) {
      warn(p.file, p.line, `column kind: "${p.id}" is no country's capital in countries.tsv`);
    }
    if (!countryCodes.has(p.country))
      error(p.file, p.line, `column country: unknown country code "${p.country}"`);
    // NaN: already reported by the loader
    if (p.lat < -90 || p.lat > 90)
      error(p.file, p.line, `column lat: expected a number between -90 and 90, got ${p.lat}`);
    if (p.lon < -180 || p.lon > 180) {
      error(p.file, p.line, `column lon: expected a number between -180 and 180, got ${p.lon}`);
    }
  }
  for (const o of kb.organisations) {
    if (o.country !== null && !countryCodes.has(o.country)) {
      error(o.file, o.line, `column country: unknown country code "${o.country}"`);
    }
    const m = actorCode(o.code);
    if (m) report(o.file, o.line, 'column code: ', m);
    if (o.country !== null && countryCodes.has(o.code.slice(0, 3)) && o.code.slice(0, 3) !== o.country) {
      warn(
        o.file,
        o.line,
        `column code: "${o.code}" does not start with the organisation's country ${o.country}`,
      );
    }
  }
  for (const r of kb.roles) {
    if (r.sector !== '' && !SECTOR_CODES.has(r.sector)) {
      error(r.file, r.line, `column sector: unknown sector code "${r.sector}"`);
    }
  }
  for (const p of kb.persons) {
    p.offices.forEach((o, i) => {
      const role = roles.get(o.role);
      if (!role) error(p.file, p.line, `column offices: unknown role key "${o.role}"`);
      else if (role.kind !== 'person')
        error(p.file, p.line, `column offices: role "${o.role}" is a body, not a person`);
      const m = actorCode(o.code);
      if (m) report(p.file, p.line, 'column offices: ', m);
      if (o.from !== null && o.to !== null && dateStart(o.from) > dateEnd(o.to)) {
        error(
          p.file,
          p.line,
          `column offices: ${o.code}:${o.role} ends (${o.to}) before it starts (${o.from})`,
        );
      }
      for (let j = 0; j < i; j++) {
        const q = p.offices[j]!;
        if (q.code === o.code && q.role === o.role && overlaps(q, o)) {
          warn(
            p.file,
            p.line,
            `column offices: ${o.code}:${o.role} periods overlap (${q.from ?? ''}..${q.to ?? ''} and ${o.from ?? ''}..${o.to ?? ''})`,
          );
        }
      }
    });
  }

  // Arabic names: the same normalised name for two different entries. All names are collected
  // first and normalised in one call (normalisation is per character; one long string is much
  // faster than thousands of short ones while the code is still cold).
  const names: string[] = [];
  const nameEntry: number[] = [];
  const nameAllowed: boolean[] = [];
  const entries: NameOwner[] = [];
  const collect = (list: readonly string[], owner: NameOwner, amb?: readonly string[]) => {
    const e = entries.length;
    entries.push(owner);
    for (const name of list) {
      names.push(name);
      nameEntry.push(e);
      nameAllowed.push(amb?.includes(name) ?? false);
    }
  };
  for (const c of kb.countries) {
    collect(c.namesAr, { what: `country ${c.code}`, file: c.file, line: c.line }, c.ambiguousAr);
    const nisba: NameOwner = { what: `nisba of ${c.code}`, file: c.file, line: c.line };
    const forms: string[] = [];
    for (const b of c.nisbas) forms.push(...nisbaForms(b));
    forms.push(...c.nisbaIrregular);
    collect(forms, nisba);
  }
  for (const p of kb.places) {
    collect(p.namesAr, { what: `place ${p.id}`, file: p.file, line: p.line }, p.ambiguousAr);
  }
  for (const o of kb.organisations) {
    collect(o.namesAr, { what: `organisation ${o.id}`, file: o.file, line: o.line }, o.ambiguousAr);
  }
  for (const r of kb.roles) {
    collect(r.namesAr, { what: `role ${r.key}`, file: r.file, line: r.line }, r.ambiguousAr);
  }
  for (const p of kb.persons) {
    const e = entries.length;
    collect(p.namesAr, { what: `person ${p.id}`, file: p.file, line: p.line });
    for (const name of p.shortAr) {
      names.push(name);
      nameEntry.push(e);
      nameAllowed.push(false);
    }
  }
  const normalised = normalize(names.join('\n')).split('\n');
  /** normalised name → index of its first occurrence; the names of other entries go to `shared`. */
  const first = new Map<string, number>();
  const shared = new Map<string, number[]>();
  for (let i = 0; i < normalised.length; i++) {
    const n = normalised[i]!;
    const j = first.get(n);
    if (j === undefined) {
      first.set(n, i);
      continue;
    }
    const list = shared.get(n) ?? [j];
    if (!list.some((k) => nameEntry[k] === nameEntry[i])) list.push(i);
    else if (nameAllowed[i]) nameAllowed[list.find((k) => nameEntry[k] === nameEntry[i])!] = true;
    if (list.length > 1) shared.set(n, list);
  }
  for (const [name, list] of shared) {
    if (list.some((k) => nameAllowed[k])) continue;
    const head = entries[nameEntry[list[0]!]!]!;
    for (const k of list.slice(1)) {
      const o = entries[nameEntry[k]!]!;
      warn(
        o.file,
        o.line,
        `Arabic name "${name}" of ${o.what} also names ${head.what} (${head.file}:${head.line}); list it in ambiguous_ar if intended`,
      );
    }
  }
  return issues;
}

/** Counts per entry kind, in display order: `countries`, `countries.state`, `places.capital`, ... */
export function summarizeKnowledgeBase(kb: KnowledgeBase): Record<string, number> {
  const out: Record<string, number> = {};
  const count = (prefix: string, items: { kind: string }[]) => {
    out[prefix] = items.length;
    const kinds = new Map<string, number>();
    for (const i of items) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
    for (const [k, n] of [...kinds].sort()) out[`${prefix}.${k}`] = n;
  };
  count('countries', kb.countries);
  count('places', kb.places);
  count('organisations', kb.organisations);
  count('roles', kb.roles);
  out.persons = kb.persons.length;
  out['persons.offices'] = kb.persons.reduce((n, p) => n + p.offices.length, 0);
  let names = 0;
  for (const c of kb.countries) names += c.namesAr.length;
  for (const p of kb.places) names += p.namesAr.length;
  for (const o of kb.organisations) names += o.namesAr.length;
  for (const r of kb.roles) names += r.namesAr.length;
  for (const p of kb.persons) names += p.namesAr.length + p.shortAr.length;
  out.names_ar = names;
  out.nisba_bases = kb.countries.reduce((n, c) => n + c.nisbas.length, 0);
  return out;
}
