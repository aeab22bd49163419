import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalize } from '../text/normalize.js';
import { summarizeKnowledgeBase } from './check.js';
import {
  defaultKbDir,
  isPartialDate,
  KbError,
  loadKnowledgeBase,
  loadKnowledgeBaseWithIssues,
  repoRoot,
} from './load.js';
import { formatIssue } from './tsv.js';
import type { KbIssue } from './types.js';

/** Person role keys other parts of the project write into data/kb/persons/*.tsv. */
const PERSON_ROLE_KEYS = [
  'president',
  'vice_president',
  'king',
  'emir',
  'sultan',
  'crown_prince',
  'prime_minister',
  'deputy_prime_minister',
  'foreign_minister',
  'defence_minister',
  'interior_minister',
  'finance_minister',
  'oil_minister',
  'economy_minister',
  'justice_minister',
  'information_minister',
  'minister',
  'minister_of_state',
  'foreign_ministry_spokesperson',
  'government_spokesperson',
  'presidential_spokesperson',
  'military_spokesperson',
  'spokesperson',
  'army_chief_of_staff',
  'armed_forces_commander',
  'intelligence_chief',
  'national_security_adviser',
  'ambassador',
  'envoy',
  'secretary_general',
  'parliament_speaker',
  'governor',
  'mayor',
  'party_leader',
  'group_leader',
  'opposition_leader',
  'supreme_leader',
  'religious_leader',
  'chief_justice',
  'police_chief',
  'central_bank_governor',
  'head_of_organisation',
  'official',
];

describe('the real knowledge base', () => {
  const { kb, issues } = loadKnowledgeBaseWithIssues();
  const errors = issues.filter((i) => i.severity === 'error');

  it('loads with zero errors', () => {
    expect(errors.map(formatIssue)).toEqual([]);
    expect(() => loadKnowledgeBase()).not.toThrow();
  });

  it('has at least the minimum number of entries', () => {
    const s = summarizeKnowledgeBase(kb);
    expect(s.countries).toBeGreaterThanOrEqual(195);
    expect(s.places).toBeGreaterThanOrEqual(600);
    expect(s.organisations).toBeGreaterThanOrEqual(80);
    expect(s.roles).toBeGreaterThanOrEqual(60);
    expect(s['places.capital']).toBeGreaterThanOrEqual(190);
    expect(s['places.region']).toBeGreaterThan(0);
  });

  it('defines every person role key the persons files rely on', () => {
    const keys = new Map(kb.roles.map((r) => [r.key, r.kind]));
    for (const k of PERSON_ROLE_KEYS) expect(keys.get(k), k).toBe('person');
  });

  it('covers the UN members and observers asked for, each with a capital', () => {
    const codes = new Set(kb.countries.map((c) => c.code));
    for (const c of [
      'SYR',
      'RUS',
      'SAU',
      'USA',
      'PSE',
      'VAT',
      'XKX',
      'TWN',
      'ESH',
      'YEM',
      'IRN',
      'ISR',
      'SSD',
    ]) {
      expect(codes.has(c), c).toBe(true);
    }
    const noCapital = kb.countries.filter((c) => c.capital === null).map((c) => c.code);
    expect(noCapital).toEqual(['PSE']);
  });

  it('resolves common Arabic names and nisbas', () => {
    const byName = new Map<string, string>();
    for (const c of kb.countries) for (const n of c.namesAr) byName.set(normalize(n), c.code);
    expect(byName.get(normalize('سورية'))).toBe('SYR');
    expect(byName.get(normalize('أميركا'))).toBe('USA');
    expect(byName.get(normalize('اسرائيل'))).toBe('ISR');
    const rus = kb.countries.find((c) => c.code === 'RUS')!;
    expect(rus.nisbas).toContain('روسي');
    expect(rus.nisbaIrregular).toContain('روس');
    const moscow = kb.places.find((p) => p.id === 'moscow')!;
    expect(moscow).toMatchObject({ country: 'RUS', kind: 'capital' });
    expect(moscow.namesAr).toContain('موسكو');
    const un = kb.organisations.find((o) => o.id === 'un')!;
    expect(un.code).toBe('IGOUNO');
    expect(kb.organisations.find((o) => o.id === 'houthis')!.code).toBe('YEMREB');
    expect(kb.roles.find((r) => r.key === 'defence_minister')!.sector).toBe('MIL');
  });

  it('loads fast', () => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      loadKnowledgeBaseWithIssues();
      best = Math.min(best, performance.now() - t0);
    }
    // well under 200 ms on a quiet machine; the bound leaves room for a busy CI box
    expect(best).toBeLessThan(500);
  });

  it('finds the data directory from the module location', () => {
    expect(defaultKbDir()).toBe(join(repoRoot(), 'data', 'kb'));
  });
});

describe('isPartialDate', () => {
  it('accepts YYYY, YYYY-MM and real YYYY-MM-DD', () => {
    for (const d of ['2015', '2015-07', '2015-07-31', '2016-02-29', '2000-02-29'])
      expect(isPartialDate(d), d).toBe(true);
  });
  it('rejects other shapes and impossible days', () => {
    for (const d of ['15', '2015-7', '2015-13', '2015-02-29', '1900-02-29', '2015-04-31', '2015/07/01', ''])
      expect(isPartialDate(d), d).toBe(false);
  });
});

// ---------------------------------------------------------------- fixtures

const HEADERS = {
  countries: 'code\tname_en\tnames_ar\tnisba\tnisba_irregular\tcapital\tkind',
  places: 'id\tname_en\tnames_ar\tcountry\tlat\tlon\tkind\tpopulation',
  organisations: 'id\tname_en\tnames_ar\tcode\tcountry\tkind\twikidata',
  roles: 'key\tnames_ar\tsector\toffice_en\tkind',
  persons: 'id\tname_en\tnames_ar\tshort_ar\twikidata\toffices',
};

interface Fixture {
  countries?: string[];
  places?: string[];
  organisations?: string[];
  roles?: string[];
  persons?: string[];
  headers?: Partial<typeof HEADERS>;
}

const GOOD: Required<Omit<Fixture, 'headers'>> = {
  countries: [
    'SYR\tSyria\tسوريا|سورية\tسوري\t-\tdamascus\tstate\tسورية',
    'RUS\tRussia\tروسيا\tروسي\tروس\tmoscow\tstate',
  ],
  places: [
    'damascus\tDamascus\tدمشق\tSYR\t33.51\t36.29\tcapital\t1569394',
    'moscow\tMoscow\tموسكو\tRUS\t55.75\t37.62\tcapital\t-',
  ],
  organisations: ['un\tUnited Nations\tالأمم المتحدة\tIGOUNO\t-\tigo\tQ1065'],
  roles: ['foreign_minister\tوزير الخارجية\tGOV\tForeign Minister\tperson', 'army\tالجيش\tMIL\tArmy\tbody'],
  persons: ['sergey-lavrov\tSergey Lavrov\tسيرغي لافروف\tلافروف\t-\tRUSGOV:foreign_minister:2004-03-09:'],
};

const tmpRoot = mkdtempSync(join(tmpdir(), 'rasad-kb-'));
let fixtureCount = 0;
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

/** Write a fixture under <tmp>/<n>/data/kb so file names read data/kb/<file>. */
function writeFixture(f: Fixture): string {
  const dir = join(tmpRoot, String(fixtureCount++), 'data', 'kb');
  mkdirSync(join(dir, 'persons'), { recursive: true });
  const h = { ...HEADERS, ...f.headers };
  const file = (name: string, header: string, rows: string[]) =>
    writeFileSync(join(dir, name), `# test fixture\n${header}\n${rows.join('\n')}\n`);
  file('countries.tsv', `${h.countries}\tambiguous_ar`, f.countries ?? GOOD.countries);
  file('places.tsv', h.places, f.places ?? GOOD.places);
  file('organisations.tsv', h.organisations, f.organisations ?? GOOD.organisations);
  file('roles.tsv', h.roles, f.roles ?? GOOD.roles);
  file('persons/test.tsv', h.persons, f.persons ?? GOOD.persons);
  return dir;
}

/** Load a fixture expecting a KbError; return its issues formatted as file:line: message. */
function errorsOf(f: Fixture): string[] {
  const dir = writeFixture(f);
  try {
    loadKnowledgeBase(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(KbError);
    return (e as KbError).issues.map(formatIssue);
  }
  throw new Error('expected a KbError');
}

function warningsOf(f: Fixture): KbIssue[] {
  return loadKnowledgeBaseWithIssues(writeFixture(f)).issues.filter((i) => i.severity === 'warning');
}

describe('fixtures', () => {
  it('a good fixture loads', () => {
    const kb = loadKnowledgeBase(writeFixture({}));
    expect(kb.countries).toHaveLength(2);
    expect(kb.countries[0]!.ambiguousAr).toEqual(['سورية']);
    expect(kb.persons[0]!.offices).toEqual([
      { code: 'RUSGOV', role: 'foreign_minister', from: '2004-03-09', to: null },
    ]);
    expect(kb.places[1]!.population).toBeNull();
    expect(kb.countries[1]).toMatchObject({ file: 'data/kb/countries.tsv', line: 4 });
  });

  it('reports a bad number with file, line and column', () => {
    const places = [...GOOD.places];
    places[1] = 'moscow\tMoscow\tموسكو\tRUS\tabc\t37.62\tcapital\t-';
    expect(errorsOf({ places })).toEqual([
      'data/kb/places.tsv:4: column lat: expected a number between -90 and 90, got "abc"',
    ]);
  });

  it('reports every error, not only the first', () => {
    const errors = errorsOf({
      places: [
        'damascus\tDamascus\tدمشق\tSYR\t95\t36.29\tcapital\t1569394',
        'moscow\tMoscow\tموسكو\tRUS\t55.75\t200\tcapital\tmany',
      ],
      roles: ['foreign_minister\tوزير الخارجية\tXYZ\tForeign Minister\tperson'],
    });
    expect(errors).toEqual([
      'data/kb/places.tsv:3: column lat: expected a number between -90 and 90, got "95"',
      'data/kb/places.tsv:4: column lon: expected a number between -180 and 180, got "200"',
      'data/kb/places.tsv:4: column population: expected a whole number or -, got "many"',
      'data/kb/roles.tsv:3: column sector: unknown sector code "XYZ"',
    ]);
  });

  it('validates the header', () => {
    expect(errorsOf({ headers: { places: 'id\tname_en\tnames_ar\tcountry\tlat\tlon\tkind' } })).toContain(
      'data/kb/places.tsv:2: header: missing column "population"',
    );
    expect(
      errorsOf({ headers: { roles: 'key\tnames_ar\tsector\toffice_en\tkind\tcolour' } }).some((e) =>
        e.startsWith('data/kb/roles.tsv:2: header: unknown column "colour"'),
      ),
    ).toBe(true);
  });

  it('reports rows with the wrong number of cells', () => {
    const errors = errorsOf({ organisations: ['un\tUnited Nations\tالأمم المتحدة\tIGOUNO\t-\tigo'] });
    expect(errors[0]).toMatch(/^data\/kb\/organisations\.tsv:3: expected 7 tab-separated cells .*got 6$/);
  });

  it('checks codes, ids and enumerations', () => {
    const errors = errorsOf({
      countries: [
        'SY\tSyria\tسوريا\tسوري\t-\tdamascus\tnation',
        'RUS\tRussia\tروسيا\tالروسي\tروس\tmoscow\tstate',
      ],
      places: ['Damascus\tDamascus\tدمشق\tSYR\t33.51\t36.29\ttown\t1'],
      organisations: ['un\tUnited Nations\tالأمم المتحدة\tIGOUNO\t-\tclub\tq1065'],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'data/kb/countries.tsv:3: column code: expected an ISO 3166-1 alpha-3 code (3 capital letters), got "SY"',
        'data/kb/countries.tsv:3: column kind: expected one of state|territory, got "nation"',
        'data/kb/countries.tsv:4: column nisba: give the base without ال: "الروسي"',
        'data/kb/places.tsv:3: column id: expected a lower-case slug, got "Damascus"',
        'data/kb/places.tsv:3: column kind: expected one of capital|city|region, got "town"',
        'data/kb/organisations.tsv:3: column kind: expected one of igo|armed|party|state|media|ngo|business|religious|group, got "club"',
        'data/kb/organisations.tsv:3: column wikidata: expected a Wikidata id (Q123) or -, got "q1065"',
        'data/kb/countries.tsv:4: column capital: unknown place id "moscow"',
      ]),
    );
  });

  it('rejects names that are not Arabic and empty list items', () => {
    const errors = errorsOf({
      places: ['damascus\tDamascus\tDamascus|دمشق\tSYR\t33.51\t36.29\tcapital\t1', GOOD.places[1]!],
      roles: [
        'foreign_minister\tوزير الخارجية||وزيرة الخارجية\tGOV\tForeign Minister\tperson',
        GOOD.roles[1]!,
      ],
    });
    expect(errors).toEqual([
      'data/kb/places.tsv:3: column names_ar: not an Arabic name: "Damascus"',
      'data/kb/roles.tsv:3: column names_ar: empty item in "وزير الخارجية||وزيرة الخارجية"',
    ]);
  });

  it('checks ambiguous_ar against names_ar', () => {
    const errors = errorsOf({
      countries: ['SYR\tSyria\tسوريا\tسوري\t-\tdamascus\tstate\tالشام', GOOD.countries[1]!],
    });
    expect(errors).toEqual(['data/kb/countries.tsv:3: column ambiguous_ar: "الشام" is not one of names_ar']);
  });

  it('reports duplicate ids and unknown cross references', () => {
    const errors = errorsOf({
      places: [
        ...GOOD.places,
        'moscow\tMoscow again\tموسكو العاصمة\tRUS\t55.75\t37.62\tcity\t-',
        'x\tX\tإكس\tXXX\t0\t0\tcity\t-',
      ],
      organisations: [
        'un\tUnited Nations\tالأمم المتحدة\tFOOGOV\t-\tigo\t-',
        'houthis\tHouthis\tالحوثيون\tYEMREB\tYEM\tarmed\t-',
      ],
    });
    expect(errors).toEqual([
      'data/kb/places.tsv:5: duplicate place id "moscow" (first at data/kb/places.tsv:4)',
      'data/kb/places.tsv:6: column country: unknown country code "XXX"',
      'data/kb/organisations.tsv:3: column code: actor code "FOOGOV": unknown country "FOO" (not in countries.tsv, not IGO/IMG/NGO/MNC)',
      'data/kb/organisations.tsv:4: column country: unknown country code "YEM"',
      'data/kb/organisations.tsv:4: column code: actor code "YEMREB": unknown country "YEM" (not in countries.tsv, not IGO/IMG/NGO/MNC)',
    ]);
  });

  it('checks that a capital lies in its country', () => {
    const errors = errorsOf({
      countries: ['SYR\tSyria\tسوريا\tسوري\t-\tmoscow\tstate', GOOD.countries[1]!],
    });
    expect(errors).toEqual(['data/kb/countries.tsv:3: column capital: "moscow" lies in RUS, not SYR']);
  });

  it('checks person offices', () => {
    const errors = errorsOf({
      persons: [
        'a\tA\tأ ب\t-\t-\tRUSGOV:foreign_ministre:2004:',
        'b\tB\tب ت\t-\t-\tXXXGOV:foreign_minister::',
        'c\tC\tت ث\t-\t-\tRUSGOV:foreign_minister:2010:2004',
        'd\tD\tث ج\t-\t-\tRUSGOV:foreign_minister:2004-13:',
        'e\tE\tج ح\t-\t-\tRUSGOV:army::',
        'f\tF\tح خ\t-\t-\tRUSGOV:foreign_minister:2004',
        'g\tG\tخ د\t-\t-\trusgov:foreign_minister::',
      ],
    });
    expect(errors).toEqual([
      'data/kb/persons/test.tsv:6: column offices: expected a date YYYY, YYYY-MM or YYYY-MM-DD, got "2004-13"',
      'data/kb/persons/test.tsv:8: column offices: expected CODE:role:FROM:TO, got "RUSGOV:foreign_minister:2004"',
      'data/kb/persons/test.tsv:9: column offices: bad actor code "rusgov" in "rusgov:foreign_minister::"',
      'data/kb/persons/test.tsv:3: column offices: unknown role key "foreign_ministre"',
      'data/kb/persons/test.tsv:4: column offices: actor code "XXXGOV": unknown country "XXX" (not in countries.tsv, not IGO/IMG/NGO/MNC)',
      'data/kb/persons/test.tsv:5: column offices: RUSGOV:foreign_minister ends (2004) before it starts (2010)',
      'data/kb/persons/test.tsv:7: column offices: role "army" is a body, not a person',
    ]);
  });

  it('warns about overlapping periods of the same office, not about a hand-over month', () => {
    const warnings = warningsOf({
      persons: [
        'a\tA\tأ ب\t-\t-\tRUSGOV:foreign_minister:2004:2010;RUSGOV:foreign_minister:2008:',
        'b\tB\tب ت\t-\t-\tRUSGOV:foreign_minister:2004:2010-05;RUSGOV:foreign_minister:2010-05:',
      ],
    });
    expect(warnings.map(formatIssue)).toEqual([
      'data/kb/persons/test.tsv:3: warning: column offices: RUSGOV:foreign_minister periods overlap (2004..2010 and 2008..)',
    ]);
  });

  it('warns about unknown sector codes without failing', () => {
    const warnings = warningsOf({
      organisations: ['un\tUnited Nations\tالأمم المتحدة\tIGOUNOXYZ\t-\tigo\t-'],
    });
    expect(warnings.map(formatIssue)).toEqual([
      'data/kb/organisations.tsv:3: warning: column code: actor code "IGOUNOXYZ": unknown sector code "XYZ"',
    ]);
  });

  it('warns when two entries share a normalised Arabic name unless one marks it ambiguous', () => {
    const shared = warningsOf({
      places: [...GOOD.places, 'aleppo\tAleppo\tإسرائيل\tSYR\t36.2\t37.16\tcity\t-'],
      countries: [
        'SYR\tSyria\tسوريا\tسوري\t-\tdamascus\tstate',
        'RUS\tRussia\tروسيا|اسرائيل\tروسي\tروس\tmoscow\tstate',
      ],
    });
    expect(shared.map(formatIssue)).toEqual([
      'data/kb/places.tsv:5: warning: Arabic name "اسراييل" of place aleppo also names country RUS (data/kb/countries.tsv:4); list it in ambiguous_ar if intended',
    ]);
    // nisba forms count too; سورية is both a name of SYR and a form of its nisba: allowed via ambiguous_ar
    const nisba = warningsOf({
      countries: ['SYR\tSyria\tسوريا|سورية\tسوري\t-\tdamascus\tstate', GOOD.countries[1]!],
    });
    expect(nisba.map((w) => w.message)).toEqual([
      'Arabic name "سوريه" of nisba of SYR also names country SYR (data/kb/countries.tsv:3); list it in ambiguous_ar if intended',
    ]);
    expect(warningsOf({})).toEqual([]);
  });

  it('reports a missing file', () => {
    const dir = writeFixture({});
    rmSync(join(dir, 'roles.tsv'));
    expect(() => loadKnowledgeBase(dir)).toThrow(/data\/kb\/roles\.tsv:0: file is missing/);
  });
});

describe('checkKnowledgeBase on a programmatic knowledge base', () => {
  it('checks coordinates, duplicate ids and role sectors', async () => {
    const { checkKnowledgeBase } = await import('./check.js');
    const f = { file: 'x.tsv', line: 1 };
    const issues = checkKnowledgeBase({
      countries: [
        {
          code: 'SYR',
          nameEn: 'Syria',
          namesAr: ['سوريا'],
          nisbas: [],
          nisbaIrregular: [],
          capital: null,
          kind: 'state',
          ...f,
        },
      ],
      places: [
        {
          id: 'a',
          nameEn: 'A',
          namesAr: ['أ'],
          country: 'SYR',
          lat: 91,
          lon: 0,
          kind: 'city',
          population: null,
          ...f,
        },
        {
          id: 'a',
          nameEn: 'B',
          namesAr: ['ب'],
          country: 'SYR',
          lat: 0,
          lon: -181,
          kind: 'city',
          population: null,
          ...f,
        },
      ],
      organisations: [],
      roles: [{ key: 'r', namesAr: ['ر'], sector: 'ABC', officeEn: 'R', kind: 'body', ...f }],
      persons: [],
    });
    expect(issues.map(formatIssue)).toEqual([
      'x.tsv:1: duplicate place id "a" (first at x.tsv:1)',
      'x.tsv:1: column lat: expected a number between -90 and 90, got 91',
      'x.tsv:1: column lon: expected a number between -180 and 180, got -181',
      'x.tsv:1: column sector: unknown sector code "ABC"',
    ]);
  });
});
