/**
 * CLI commands called in-process (the functions src/cli/main.ts wires up), with standard output
 * captured: `annotate` JSON (sentences, tokens with pieces, times, actors, places, all with
 * valid offsets), `ner` BIO tags on a CoNLL input written for this test, `eval` on a tiny gold
 * file of our own (the three levels), `dict check` on the real data and the knowledge-base
 * loader on a broken copy (errors with file:line). test/cli-batch.test.ts runs the real binary.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runAnnotate } from '../src/cli/annotate.js';
import { runDictCheck } from '../src/cli/dict.js';
import { readGold, runEval } from '../src/cli/eval.js';
import { runExtract } from '../src/cli/extract.js';
import { tagConll } from '../src/cli/ner.js';
import { loadKnowledgeBaseWithIssues } from '../src/kb/load.js';
import { formatIssue } from '../src/kb/tsv.js';
import { REPO, spanProblem } from './fixtures/checks.js';

const tmp = mkdtempSync(join(tmpdir(), 'rasad-cmd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Run `fn` with process.stdout.write captured; returns [exit status, output]. */
async function capture(fn: () => Promise<number>): Promise<[number, string]> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write);
  try {
    const status = await fn();
    return [status, out];
  } finally {
    spy.mockRestore();
  }
}

const TEXT = [
  'موسكو (رسد) - وصل وزير الخارجية السوري أسعد الشيباني إلى موسكو يوم أمس في زيارة رسمية.',
  'والتقى الشيباني بالرئيس الروسي فلاديمير بوتين في الكرملين، وبحثا سبل تعزيز التعاون.',
  'ودعت الأمم المتحدة في بيان صدر الأحد الماضي إلى الحوار.',
].join('\n');

describe('rasad annotate', () => {
  it('JSON with sentences, tokens (pieces), times, actors and places, every offset valid', async () => {
    const file = join(tmp, 'annotate.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'ann', text: TEXT, published: '2025-12-24' })}\n`);
    const [status, out] = await capture(() => runAnnotate([file], {}));
    expect(status).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.length).toBe(1);
    const a = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(a.id).toBe('ann');
    for (const k of ['sentences', 'tokens', 'times', 'actors', 'places'])
      expect(Array.isArray(a[k]), k).toBe(true);
    type S = { start: number; end: number; text: string };
    const problems: string[] = [];
    const check = (xs: S[], what: string) => {
      for (const x of xs) {
        const p = spanProblem(TEXT, x, what);
        if (p) problems.push(p);
      }
    };
    const sentences = a.sentences as S[];
    const tokens = a.tokens as (S & { pieces: (S & { kind: string })[] })[];
    expect(sentences.length).toBe(3);
    expect(tokens.length).toBeGreaterThan(30);
    check(sentences, 'sentence');
    check(tokens, 'token');
    for (const t of tokens) {
      expect(t.pieces.length).toBeGreaterThan(0);
      check(t.pieces, 'piece');
      expect(t.pieces[0]!.start).toBe(t.start);
      expect(t.pieces[t.pieces.length - 1]!.end).toBe(t.end);
    }
    check(a.times as S[], 'time');
    check(a.actors as S[], 'actor');
    check(a.places as S[], 'place');
    expect(problems).toEqual([]);
    // clitic pieces of بالرئيس: ب + ال + رئيس
    const bil = tokens.find((t) => t.text === 'بالرئيس')!;
    expect(bil.pieces.map((p) => p.text)).toEqual(['ب', 'ال', 'رئيس']);
    // يوم أمس resolved against the publication date
    const times = a.times as (S & { value: string | null })[];
    expect(times.find((t) => t.text.includes('أمس'))?.value).toBe('2025-12-23');
    const actors = a.actors as (S & { code: string })[];
    expect(actors.some((x) => x.code === 'SYRGOV')).toBe(true);
    expect(actors.some((x) => x.code === 'RUSGOV')).toBe(true);
    expect(actors.some((x) => x.code === 'IGOUNO')).toBe(true);
    expect((a.places as (S & { country: string })[]).some((p) => p.country === 'RUS')).toBe(true);
  });

  it('--no-actors gives the text layer and times only', async () => {
    const file = join(tmp, 'plain.txt');
    writeFileSync(file, TEXT);
    const [status, out] = await capture(() => runAnnotate([file], { actors: false }));
    expect(status).toBe(0);
    const a = JSON.parse(out) as { id: string; actors: unknown[]; times: unknown[] };
    expect(a.id).toBe('plain');
    expect(a.actors).toEqual([]);
  });

  it('--pretty prints a readable view with the actor codes', async () => {
    const file = join(tmp, 'pretty.txt');
    writeFileSync(file, TEXT);
    const [status, out] = await capture(() => runAnnotate([file], { pretty: true }));
    expect(status).toBe(0);
    expect(out).toContain('SYRGOV');
    expect(out).toContain('pretty');
  });
});

describe('rasad extract (in-process)', () => {
  it('writes one JSON record a line for the document', async () => {
    const file = join(tmp, 'extract.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'ext', text: TEXT, published: '2025-12-24' })}\n`);
    const [status, out] = await capture(() => runExtract([file], {}));
    expect(status).toBe(0);
    const recs = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { article: string; code: string });
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) expect(r.article).toBe('ext');
  });
});

describe('rasad ner', () => {
  const conll = [
    'وصل',
    'وزير',
    'الخارجية',
    'الروسي',
    'سيرغي',
    'لافروف',
    'إلى',
    'دمشق',
    '،',
    'والتقى',
    'بالرئيس',
    'السوري',
    'أحمد',
    'الشرع',
    '.',
    '',
    'ودعت',
    'الأمم',
    'المتحدة',
    'إلى',
    'الحوار',
    '.',
    '',
  ].join('\n');

  it('one tag a token, aligned, sentences separated by a blank line', () => {
    const out = tagConll(conll);
    const blocks = out
      .trim()
      .split(/\n\s*\n/)
      .map((b) => b.split('\n').map((l) => l.split('\t') as [string, string]));
    expect(blocks.length).toBe(2);
    const input = conll
      .trim()
      .split(/\n\s*\n/)
      .map((b) => b.split('\n'));
    blocks.forEach((b, i) => {
      expect(b.map((r) => r[0])).toEqual(input[i]);
    });
    const tags = blocks.flat().map((r) => r[1]);
    for (const t of tags) expect(t).toMatch(/^(O|[BI]-(PERS|LOC|ORG))$/);
    // an I- tag always continues a B- or I- of the same type
    blocks.forEach((b) => {
      b.forEach(([, t], j) => {
        if (t.startsWith('I-')) expect(b[j - 1]![1].slice(2)).toBe(t.slice(2));
      });
    });
  });

  it('B-PERS/I-PERS for role + name, B-LOC for a capital, B-ORG/I-ORG for the UN', () => {
    const rows = tagConll(conll)
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => l.split('\t') as [string, string]);
    const tag = (tok: string, nth = 0) => rows.filter((r) => r[0] === tok)[nth]?.[1];
    expect(tag('وصل')).toBe('O');
    expect(tag('لافروف')).toMatch(/^[BI]-PERS$/);
    expect(tag('سيرغي')).toMatch(/^[BI]-PERS$/);
    expect(tag('دمشق')).toBe('B-LOC');
    expect(tag('الشرع')).toBe('I-PERS');
    expect(tag('أحمد')).toMatch(/^[BI]-PERS$/);
    expect(tag('الأمم')).toBe('B-ORG');
    expect(tag('المتحدة')).toBe('I-ORG');
    expect(tag('الحوار')).toBe('O');
    expect(tag('،')).toBe('O');
  });

  it('a person name alone is B-PERS I-PERS', () => {
    const rows = tagConll(['قال', 'فلاديمير', 'بوتين', 'إن', 'روسيا', 'مستعدة', '.'].join('\n'))
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => l.split('\t')[1]);
    expect(rows).toEqual(['O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'O', 'O']);
  });
});

describe('rasad eval', () => {
  const doc1 = 'وصل وزير الخارجية السعودي إلى القاهرة يوم أمس في زيارة رسمية.';
  const doc2 = 'أجرى وزير الخارجية الأمريكي اتصالا هاتفيا مع نظيره الروسي.';
  const gold = [
    {
      id: 'g1',
      text: doc1,
      published: '2023-05-10',
      events: [
        {
          code: '042',
          source: 'SAUGOV',
          target: 'EGY',
          date: '2023-05-09',
          date_tolerance_days: 0,
          place: 'EGY:Cairo',
          modality: 'asserted',
          required: true,
        },
      ],
    },
    {
      id: 'g2',
      text: doc2,
      published: '2022-03-10',
      events: [
        {
          code: '041',
          source: 'RUSGOV',
          target: 'USAGOV',
          date: '2022-03-10',
          place: null,
          modality: 'asserted',
        },
      ],
    },
  ];

  it('prints the root, code and full levels', async () => {
    const file = join(tmp, 'gold.jsonl');
    writeFileSync(file, `${gold.map((g) => JSON.stringify(g)).join('\n')}\n`);
    const outFile = join(tmp, 'pred.jsonl');
    const [status, out] = await capture(() => runEval(file, { out: outFile }));
    expect(status).toBe(0);
    expect(out).toMatch(/^docs=2 records=\d+ malformed=0$/m);
    for (const lv of ['root', 'code', 'full'])
      expect(out).toMatch(new RegExp(`^${lv}\\s+P=\\d\\.\\d{3} R=\\d\\.\\d{3} F1=\\d\\.\\d{3}`, 'm'));
    expect(out).toMatch(/root F1=\d\.\d{3} code F1=\d\.\d{3} full F1=\d\.\d{3}/);
    const preds = readFileSync(outFile, 'utf8').trim().split('\n');
    expect(preds.length).toBeGreaterThan(0);
  });

  it('--json gives the three levels with P, R, F1; both gold events are found', async () => {
    const file = join(tmp, 'gold2.jsonl');
    writeFileSync(file, `${gold.map((g) => JSON.stringify(g)).join('\n')}\n`);
    const [status, out] = await capture(() => runEval(file, { json: true }));
    expect(status).toBe(0);
    const r = JSON.parse(out) as Record<string, { P: number; R: number; F1: number; tp: number; fn: number }>;
    for (const lv of ['root', 'code', 'full']) {
      expect(r[lv]!.F1).toBeGreaterThanOrEqual(0);
      expect(r[lv]!.F1).toBeLessThanOrEqual(1);
    }
    expect(r.code!.tp).toBe(2);
    expect(r.full!.R).toBe(1);
  });

  it('-v lists misses and spurious events', async () => {
    const file = join(tmp, 'gold3.jsonl');
    const wrong = [
      { ...gold[0]!, events: [{ code: '111', source: 'SAUGOV', target: 'ISR', modality: 'asserted' }] },
    ];
    writeFileSync(file, `${JSON.stringify(wrong[0])}\n`);
    const [, out] = await capture(() => runEval(file, { verbose: true }));
    expect(out).toMatch(/^miss root: g1 \| 111/m);
    expect(out).toMatch(/^spurious root: g1 \| 042/m);
  });

  it('a malformed gold line is an error naming file:line', () => {
    const file = join(tmp, 'bad-gold.jsonl');
    writeFileSync(file, `${JSON.stringify(gold[0])}\n{"id": "x", "text": "y"}\n`);
    expect(() => readGold(file)).toThrow(`${file}:2`);
  });
});

describe('rasad dict check', () => {
  it('exits 0 on the real data and prints counts', async () => {
    const [status, out] = await capture(() => runDictCheck({}));
    expect(status).toBe(0);
    expect(out).toMatch(/^0 error\(s\)/m);
    expect(out).toContain('knowledge base:');
  });

  it('a broken copy of data/kb: errors with file:line', () => {
    const root = join(tmp, 'repo');
    const kb = join(root, 'data', 'kb');
    cpSync(join(REPO, 'data', 'kb'), kb, { recursive: true });
    const places = join(kb, 'places.tsv');
    const before = readFileSync(places, 'utf8');
    const sep = before.endsWith('\n') ? '' : '\n';
    writeFileSync(places, `${before}${sep}atlantis\tAtlantis\tأطلانطس\tXXX\tabc\t200\tcity\t-\n`);
    const line = `${before}${sep}`.split('\n').length;
    const { issues } = loadKnowledgeBaseWithIssues(kb);
    const errors = issues.filter((i) => i.severity === 'error').map(formatIssue);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.startsWith(`data/kb/places.tsv:${line}:`))).toBe(true);
    expect(errors.join('\n')).toMatch(/lat/);
  });
});
