/**
 * Bad input through the whole pipeline (annotate up to events, and the readers): empty text,
 * no Arabic, a 20 MB document, control characters, invalid UTF-8 files, HTML with <script> and
 * <img onerror>. Each must complete with valid offsets everywhere; markup never yields actors,
 * times, places or events. No timing assertions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ReadItem, readDocuments } from '../src/io/read.js';
import { annotate, extract, loadResources } from '../src/pipeline.js';
import type { AnnotatedDocument, InputDocument } from '../src/types.js';
import { annotationProblems } from './fixtures/checks.js';

const res = loadResources();
const tmp = mkdtempSync(join(tmpdir(), 'rasad-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(
  text: string,
  published: string | null = '2023-05-10',
  id = 'bad',
  records = true,
): AnnotatedDocument {
  const ad = annotate({ id, text, published }, res, 'events');
  expect(annotationProblems(ad, records)).toEqual([]);
  return ad;
}

async function readAll(paths: string[]): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const x of readDocuments(paths)) out.push(x);
  return out;
}

const VISIT = 'وصل وزير الخارجية السعودي إلى القاهرة يوم أمس في زيارة رسمية، والتقى نظيره المصري.';

describe('degenerate text', () => {
  it('empty text: nothing, no crash', () => {
    const ad = run('');
    expect(ad.sentences).toEqual([]);
    expect(ad.tokens).toEqual([]);
    expect(ad.actors).toEqual([]);
    expect(ad.events).toEqual([]);
    expect(extract({ id: 'e', text: '' }, res)).toEqual([]);
  });

  it('whitespace, punctuation, tatweel and tashkeel only', () => {
    for (const t of [' ', '\n\n\n', '\t \r\n', '...', '؟!،؛', 'ـــــ', 'ًٌٍَُِّْ', '«»“”', '\u200f\u200e\u200d']) {
      const ad = run(t);
      expect(ad.events).toEqual([]);
      expect(ad.actors).toEqual([]);
    }
  });

  it('no Arabic at all: Latin, digits, CJK, emoji', () => {
    const text =
      'Putin met Assad in Moscow on 3.5.2015 and Lavrov condemned the attack.\n日本語のテキスト。\n🙂🙂 12345 ++ -- ## @@';
    const ad = run(text);
    expect(ad.events).toEqual([]);
    expect(ad.actors).toEqual([]);
  });

  it('no published date: relative dates stay unresolved, records still valid', () => {
    const ad = run(VISIT, null);
    for (const e of ad.events) expect(e.date === null || /^\d{4}/.test(e.date)).toBe(true);
  });

  it('a malformed published date does not crash the pipeline', () => {
    for (const p of ['yesterday', '2023-13-45', '', '٢٠٢٣-٠٥-١٠', '2023-05-10T25:99:00Z']) {
      let ad: AnnotatedDocument | null = null;
      try {
        ad = run(VISIT, p);
      } catch (e) {
        // a deliberate, named error is acceptable; a TypeError is not
        expect((e as Error).name).not.toBe('TypeError');
      }
      if (ad) expect(annotationProblems(ad)).toEqual([]);
    }
  });
});

describe('control characters', () => {
  it('C0/C1 controls, NUL, DEL, BOM, bidi marks and lone surrogates inside news text', () => {
    const text =
      '\ufeff\u0000وصل\u0007 وزير\u0008 الخارجية\u001b السعودي\u200f إلى\u0085 القاهرة\u007f يوم أمس.\u000b\f' +
      'والتقى\u202b نظيره\u202c المصري \ud800 في \udc00 القاهرة.\u0001';
    const ad = run(text);
    // spans keep the text as given (controls between words of a mention stay), but never start or end on one
    const ctl =
      /^[\u0000-\u0008\u000e-\u001f\u007f\u0085\u200f\u202b\u202c\ufeff]|[\u0000-\u0008\u000e-\u001f\u007f\u0085\u200f\u202b\u202c\ufeff]$/;
    for (const a of ad.actors) expect(a.text).not.toMatch(ctl);
    for (const e of ad.events) expect(e.trigger.text).not.toMatch(ctl);
    expect(ad.actors.some((a) => a.code === 'SAUGOV')).toBe(true);
  });

  it('a NUL between every letter does not make words', () => {
    const text = Array.from(VISIT).join('\u0000');
    run(text);
  });
});

describe('large input', () => {
  it('a 20 MB document (sparse Arabic news among filler and whitespace) completes with valid offsets', () => {
    const filler =
      'Lorem ipsum 2015-07-31 dolor sit amet, consectetur 12.5% adipiscing <b>elit</b> &amp; more.\n';
    const block = `${VISIT}\n${filler.repeat(10)}${' '.repeat(18_000)}\n\n`;
    const text = block.repeat(Math.ceil((20 * 1024 * 1024) / block.length));
    expect(text.length).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    const ad = annotate({ id: 'big', text, published: '2023-05-10' }, res, 'events');
    // spot-check every span without building a 20 MB problem list
    let bad = 0;
    const ok = (s: { start: number; end: number; text: string }) => {
      if (text.slice(s.start, s.end) !== s.text) bad++;
    };
    for (const s of ad.sentences) ok(s);
    for (const t of ad.tokens) {
      ok(t);
      for (const p of t.pieces) ok(p);
    }
    for (const x of [...ad.times, ...ad.actors, ...ad.places]) ok(x);
    for (const e of ad.events) {
      ok(e.trigger);
      if (e.source) ok(e.source);
      if (e.target) ok(e.target);
    }
    expect(bad).toBe(0);
    expect(ad.actors.length).toBeGreaterThan(1000);
  });

  it('a dense 300 KB Arabic article completes with valid offsets', () => {
    const para = [
      VISIT,
      'وأدانت جامعة الدول العربية الهجوم الذي شنه تنظيم داعش على مواقع الجيش العراقي قرب الموصل.',
      'وقال المتحدث باسم الخارجية الروسية إن موسكو مستعدة للحوار مع واشنطن بشأن الأزمة في أوكرانيا.',
    ].join('\n');
    const text = `${para}\n`.repeat(Math.ceil(300_000 / (para.length + 1)));
    const ad = run(text, '2023-05-10', 'dense');
    expect(ad.sentences.length).toBeGreaterThan(1000);
  });

  it('one 1 MB word and one 1 MB line without spaces', () => {
    run('ب'.repeat(1 << 20));
    run(`${VISIT} ${'ـ'.repeat(1 << 19)}${'وزير'.repeat(1 << 17)}`);
  });
});

describe('invalid UTF-8 files', () => {
  const enc = (s: string) => Buffer.from(s, 'utf8');

  it('.txt with invalid bytes: reported with the file name, the document still goes through', async () => {
    const file = join(tmp, 'broken-bytes.txt');
    writeFileSync(
      file,
      Buffer.concat([enc('وصل وزير '), Buffer.from([0xff, 0xfe, 0xc3]), enc(`الخارجية\n${VISIT}`)]),
    );
    const items = await readAll([file]);
    const problems = items.filter((x) => 'problem' in x);
    expect(problems.length).toBe(1);
    const p = problems[0]! as Extract<ReadItem, { problem: unknown }>;
    expect(p.problem.code).toBe('INVALID_UTF8');
    expect(p.problem.message).toContain(file);
    const docs = items.filter((x): x is Extract<ReadItem, { doc: InputDocument }> => 'doc' in x);
    expect(docs.length).toBe(1);
    const ad = run(docs[0]!.doc.text, '2023-05-10', docs[0]!.doc.id);
    expect(ad.doc.text).toContain('\ufffd');
    expect(ad.actors.some((a) => a.code === 'SAUGOV')).toBe(true);
  });

  it('.jsonl with invalid bytes inside a string: reported, later lines still read', async () => {
    const file = join(tmp, 'broken-bytes.jsonl');
    writeFileSync(
      file,
      Buffer.concat([
        enc('{"id":"a","text":"وصل '),
        Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80]),
        enc(`"}\n${JSON.stringify({ id: 'b', text: VISIT, published: '2023-05-10' })}\n`),
      ]),
    );
    const items = await readAll([file]);
    expect(items.some((x) => 'problem' in x && x.problem.code === 'INVALID_UTF8')).toBe(true);
    const docs = items.filter((x): x is Extract<ReadItem, { doc: InputDocument }> => 'doc' in x);
    expect(docs.map((d) => d.doc.id)).toContain('b');
    for (const d of docs) run(d.doc.text, d.doc.published ?? null, d.doc.id);
  });
});

describe('HTML pasted into the text', () => {
  const visible = VISIT;
  const text =
    `<html><head><title>خبر</title><style>p { color: red; }</style></head><body>\n` +
    `<p dir="rtl" class="lead">${visible}</p>\n` +
    '<script type="text/javascript">var s = "استقبل الرئيس الروسي فلاديمير بوتين وزير الخارجية السوري في موسكو يوم أمس"; if (a < b && c > d) {}</script>\n' +
    '<img src="x.png" onerror="alert(\'أدان الرئيس الأمريكي جو بايدن الهجوم على إسرائيل\')" alt="الرئيس التركي أردوغان">\n' +
    '<!-- هاجم الحوثيون مواقع الجيش اليمني -->\n' +
    '<a href="https://example.com/?q=داعش&amp;x=1" title="الأمم المتحدة">رابط</a>&nbsp;&quot;جيدة&quot;</body></html>';

  /** [start, end) ranges of markup: tags (with attributes), comments, and script/style bodies. */
  function markupRanges(s: string): [number, number][] {
    const out: [number, number][] = [];
    const re = /<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>|<!--[\s\S]*?-->|<[^>]*>/gi;
    for (let m = re.exec(s); m; m = re.exec(s)) out.push([m.index, m.index + m[0].length]);
    return out;
  }

  it('no actors, places, times or event spans inside markup; the visible text is still read', () => {
    const ad = run(text);
    const ranges = markupRanges(text);
    const inside = (a: number, b: number) => ranges.some(([s, e]) => a < e && b > s);
    const leaks: string[] = [];
    for (const a of ad.actors) if (inside(a.start, a.end)) leaks.push(`actor ${a.text} ${a.code}`);
    for (const p of ad.places) if (inside(p.start, p.end)) leaks.push(`place ${p.text}`);
    for (const t of ad.times) if (inside(t.start, t.end)) leaks.push(`time ${t.text}`);
    for (const e of ad.events) {
      if (inside(e.trigger.start, e.trigger.end)) leaks.push(`event trigger ${e.trigger.text} ${e.code}`);
      for (const x of [e.source, e.target, e.attribution])
        if (x && inside(x.start, x.end)) leaks.push(`event actor ${x.text} ${e.code}`);
    }
    expect(leaks).toEqual([]);
    // nothing from the script, the onerror handler, the alt text or the comment
    const codes = new Set(ad.actors.map((a) => a.code));
    for (const c of ['USAGOV', 'TURGOV', 'YEMREB', 'IMGISI', 'IGOUNO']) expect(codes.has(c), c).toBe(false);
    expect(ad.actors.some((a) => a.text.includes('بوتين'))).toBe(false);
    // the paragraph itself is still understood
    expect(codes.has('SAUGOV')).toBe(true);
    expect(ad.events.some((e) => e.code === '042' && e.source?.code === 'SAUGOV')).toBe(true);
  });

  it('sentences and tokens never start inside a tag', () => {
    const ad = run(text);
    const ranges = markupRanges(text);
    const inTag = (i: number) => ranges.some(([s, e]) => i > s && i < e);
    expect(ad.tokens.filter((t) => t.kind === 'word' && inTag(t.start)).map((t) => t.text)).toEqual([]);
  });
});
