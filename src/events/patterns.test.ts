import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keysOf } from '../text/stem.js';
import { cameoInfo } from './cameo.js';
import { compilePhrase, EXPECT_RE, loadCues, loadPatterns, PatternError, parseArgRule } from './patterns.js';

const tmp = mkdtempSync(join(tmpdir(), 'rasad-patterns-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A directory holding the given files. */
function fixture(files: Record<string, string>): string {
  const dir = join(tmp, `case${n++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const GOOD = `# test
- id: consult.meet
  code: "040"
  kind: verb
  triggers:
    - التقى
    - عقد * اجتماعا
  source: [subject]
  target: ["prep:ب", "prep:مع", object]
  unless: [منتخب]
  requires: []
  confidence: 0.9
  examples:
    - text: التقى وزير الخارجية الأمريكي بوزير الخارجية الروسي في جنيف.
      expect: ["040 USAGOV RUSGOV"]
    - text: التقى اللاعب بزملائه.
      expect: []
`;

/** Errors thrown by loadPatterns on a fixture, as `file:line: message` strings. */
function errorsOf(files: Record<string, string>): string[] {
  try {
    loadPatterns(fixture(files));
  } catch (e) {
    expect(e).toBeInstanceOf(PatternError);
    return (e as PatternError).issues.map((i) => `${i.file.split('/').pop()}:${i.line}: ${i.message}`);
  }
  return [];
}

describe('loadPatterns on the real files', () => {
  const patterns = loadPatterns();

  it('loads with zero errors and caches', () => {
    expect(patterns.length).toBeGreaterThan(100);
    expect(loadPatterns()).toBe(patterns);
  });

  it('has at least one pattern for every CAMEO root 01..20', () => {
    const roots = new Set(patterns.map((p) => p.code.slice(0, 2)));
    for (let r = 1; r <= 20; r++) expect(roots.has(String(r).padStart(2, '0')), `root ${r}`).toBe(true);
  });

  it('gives every pattern a known code, compiled triggers and a positive example', () => {
    for (const p of patterns) {
      expect(() => cameoInfo(p.code), p.id).not.toThrow();
      expect(p.compiled.length, p.id).toBe(p.triggers.length);
      expect(p.compiled.length, p.id).toBeGreaterThan(0);
      for (const c of p.compiled) for (const k of c) expect(k, p.id).not.toBe('');
      expect(
        p.examples.some((e) => e.expect.length > 0),
        p.id,
      ).toBe(true);
      for (const e of p.examples) for (const x of e.expect) expect(x, p.id).toMatch(EXPECT_RE);
      expect(p.file).toMatch(/^data\/patterns\/\d{2}-[a-z-]+\.yaml$/);
      expect(p.line).toBeGreaterThan(0);
    }
  });

  it('gives each trigger key one kind (verb and verbal noun share keys)', () => {
    const kinds = new Map<string, Set<string>>();
    for (const p of patterns) {
      if (p.requires.length > 0) continue;
      for (const c of p.compiled) {
        const k = `${p.code} ${c.join(' ')}`;
        const set = kinds.get(k) ?? new Set<string>();
        set.add(p.kind);
        kinds.set(k, set);
      }
    }
    const both = [...kinds].filter(([, s]) => s.size > 1).map(([k]) => k);
    expect(both).toEqual([]);
  });

  it('compiles triggers to lemma keys with keysOf', () => {
    const meet = patterns.find((p) => p.id === 'consult.meet')!;
    expect(meet.compiled[0]).toEqual([keysOf('التقى')]);
    const i = meet.triggers.indexOf('عقد * اجتماعا');
    expect(meet.compiled[i]).toEqual([keysOf('عقد'), '*', keysOf('اجتماعا')]);
    expect(meet.target).toContain('prep:ب');
  });

  it('keeps the file and line of each pattern and example', () => {
    const meet = patterns.find((p) => p.id === 'consult.meet')!;
    expect(meet.file).toBe('data/patterns/04-consult.yaml');
    expect(meet.examples[0]!.line).toBeGreaterThan(meet.line);
  });
});

describe('loadPatterns on fixtures', () => {
  it('accepts a well-formed file', () => {
    const [p] = loadPatterns(fixture({ '04-consult.yaml': GOOD }));
    expect(p).toMatchObject({ id: 'consult.meet', code: '040', kind: 'verb', confidence: 0.9, line: 2 });
    expect(p!.examples).toHaveLength(2);
    expect(p!.examples[0]!.line).toBe(14);
    expect(p!.unless).toEqual([[keysOf('منتخب')]]);
  });

  it('compiles unless_before', () => {
    const [p] = loadPatterns(
      fixture({
        '04-consult.yaml': GOOD.replace('  requires: []', '  unless_before: [وقف]\n  requires: []'),
      }),
    );
    expect(p!.unlessBefore).toEqual([[keysOf('وقف')]]);
  });

  it('reports an unknown argument rule with file and line', () => {
    const errs = errorsOf({ '04-consult.yaml': GOOD.replace('"prep:مع"', '"prp:مع"') });
    expect(errs).toEqual([expect.stringMatching(/^04-consult\.yaml:9: target: unknown rule "prp:مع"/)]);
  });

  it('reports an unknown preposition', () => {
    expect(errorsOf({ '04-consult.yaml': GOOD.replace('"prep:مع"', '"prep:xyz"') })[0]).toMatch(
      /:9: target: unknown rule "prep:xyz"/,
    );
  });

  it('reports duplicate ids across files', () => {
    const errs = errorsOf({
      '04-consult.yaml': GOOD,
      '05-support.yaml': GOOD.replace(/"040"/g, '"051"').replace(/040 /g, '051 '),
    });
    expect(errs).toEqual([
      expect.stringMatching(/^05-support\.yaml:2: id: "consult\.meet" already used at .*04-consult\.yaml:2/),
    ]);
  });

  it('reports an unknown CAMEO code and a code outside the file root', () => {
    expect(errorsOf({ '04-consult.yaml': GOOD.replace('"040"', '"049"') })).toEqual([
      expect.stringMatching(/:3: code: "049" is not in the CAMEO table/),
      expect.stringMatching(
        /:15: examples: expect "040 USAGOV RUSGOV" has code 040, the pattern's code is 049/,
      ),
    ]);
    expect(errorsOf({ '05-support.yaml': GOOD })).toContainEqual(
      expect.stringMatching(/:3: code: "040" does not belong in a file of root 05/),
    );
  });

  it('reports an unquoted code', () => {
    expect(errorsOf({ '04-consult.yaml': GOOD.replace('"040"', '040') })[0]).toMatch(
      /:3: code: must be a quoted string/,
    );
  });

  it('reports a bad kind', () => {
    expect(errorsOf({ '04-consult.yaml': GOOD.replace('kind: verb', 'kind: adjective') })[0]).toMatch(
      /:4: kind: must be verb or noun/,
    );
  });

  it('reports empty triggers and bad gaps', () => {
    expect(
      errorsOf({ '04-consult.yaml': GOOD.replace(/ {4}- التقى\n {4}- عقد \* اجتماعا\n/, '') })[0],
    ).toMatch(/:5: triggers: (empty|expected a list)/);
    expect(errorsOf({ '04-consult.yaml': GOOD.replace('- التقى', '- "* التقى"') })[0]).toMatch(
      /:6: triggers: "\* التقى": a gap "\*" must be between words/,
    );
  });

  it('reports confidence out of range', () => {
    expect(errorsOf({ '04-consult.yaml': GOOD.replace('confidence: 0.9', 'confidence: 1.5') })[0]).toMatch(
      /:12: confidence: must be a number in 0\.\.1/,
    );
  });

  it('reports malformed expectations and missing positive examples', () => {
    expect(errorsOf({ '04-consult.yaml': GOOD.replace('"040 USAGOV RUSGOV"', '"040 USAGOV"') })[0]).toMatch(
      /:15: examples: expect "040 USAGOV" is not "CODE SOURCE TARGET"/,
    );
    expect(errorsOf({ '04-consult.yaml': GOOD.replace('["040 USAGOV RUSGOV"]', '[]') })[0]).toMatch(
      /:13: examples: at least one example must expect an event/,
    );
  });

  it('reports unknown fields, YAML syntax errors and non-list files', () => {
    expect(errorsOf({ '04-consult.yaml': GOOD.replace('  requires: []', '  require: []') })[0]).toMatch(
      /:11: unknown field "require"/,
    );
    expect(errorsOf({ '04-consult.yaml': `${GOOD}  - : [\n` })[0]).toMatch(/^04-consult\.yaml:\d+: YAML: /);
    expect(errorsOf({ '04-consult.yaml': 'id: x\n' })[0]).toMatch(/:1: a pattern file is a list of patterns/);
  });

  it('lists every problem of every file in one error', () => {
    const bad = GOOD.replace('"040"', '"049"')
      .replace('kind: verb', 'kind: x')
      .replace('confidence: 0.9', 'confidence: 2');
    const e = (() => {
      try {
        loadPatterns(fixture({ '04-consult.yaml': bad, '06-cooperate.yaml': GOOD }));
      } catch (err) {
        return err as PatternError;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(PatternError);
    expect(e!.code).toBe('PATTERNS_INVALID');
    expect(e!.issues.length).toBeGreaterThanOrEqual(4);
    expect(e!.message).toMatch(/04-consult\.yaml:3: code/);
    expect(e!.message).toMatch(/06-cooperate\.yaml:3: code: "040" does not belong/);
  });
});

describe('rules and phrases', () => {
  it('parses argument rules and normalises prepositions', () => {
    expect(parseArgRule('subject')).toBe('subject');
    expect(parseArgRule('dest')).toBe('dest');
    expect(parseArgRule('prep:إلى')).toBe('prep:الي');
    expect(parseArgRule('prep:ب')).toBe('prep:ب');
    expect(parseArgRule('prep:foo')).toBeNull();
    expect(parseArgRule('subj')).toBeNull();
  });

  it('compiles phrases word by word', () => {
    expect(compilePhrase('وصل إلى')).toEqual([keysOf('وصل'), keysOf('إلى')]);
    expect(compilePhrase('عقد * اجتماعا')).toEqual([keysOf('عقد'), '*', keysOf('اجتماعا')]);
    expect(compilePhrase('* عقد')).toMatch(/gap/);
    expect(compilePhrase('عقد * * اجتماعا')).toMatch(/two gaps/);
    expect(compilePhrase('   ')).toMatch(/empty/);
  });
});

describe('loadCues', () => {
  it('loads attribution and modality cues', () => {
    const c = loadCues();
    expect(c.attribution.verbs.map((v) => v.text)).toContain('قال');
    expect(c.attribution.phrases.map((v) => v.text)).toContain('بحسب');
    expect(c.modality.future.map((v) => v.text)).toContain('سوف');
    expect(c.modality.futurePrefixes).toContain('س');
    expect(c.modality.hypotheticalBeforeImperfect.map((v) => v.text)).toContain('قد');
    expect(c.modality.negation.map((v) => v.text)).toContain('لم');
    const qala = c.attribution.verbs.find((v) => v.text === 'قال')!;
    expect(qala.keys).toEqual([keysOf('قال')]);
    expect(loadCues()).toBe(c);
  });

  it('reports a missing or malformed cue file', () => {
    const dir = fixture({ 'attribution.yaml': 'verbs: [قال]\nphrases: [بحسب]\nnoise: [x]\n' });
    expect(() => loadCues(dir)).toThrow(
      /attribution\.yaml:3: unknown list "noise"[\s\S]*modality\.yaml:0: missing/,
    );
  });
});
