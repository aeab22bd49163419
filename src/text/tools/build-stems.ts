/**
 * Maintainer tool (not used at run time): derive data/lexicon/stems-corpus.txt from word
 * counts of a news corpus. Criteria: data/lexicon/README.md.
 *
 *   node dist/src/text/tools/build-stems.js [corpus.jsonl.gz] > data/lexicon/stems-corpus.txt
 *
 * Only words are written (no text of the corpus); review the output before committing it.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { C_AR_LETTER, C_MARK, C_TATWEEL, CLS } from '../chars.js';
import {
  hamzaAlefMask,
  isKnownStem,
  lexiconChanged,
  lexiconSets,
  PRONOUN_ENCLITICS,
  prefixStrings,
  segmentationForm,
  segmentForm,
} from '../clitics.js';
import { readWordList } from '../lexicon.js';

const MIN_COUNT = 8;
const ARTICLE_MIN = 3;
const PREFIX_RATIO = 5;
const SUFFIX_RATIO = 10;
const AL_RATIO = 30;
/** A remainder seen this often with other clitics is a word of its own. */
const SUPPORT_MAX = 20;

/** A written spelling of each counted form (the first seen), for a readable list. */
export const spelling = new Map<string, string>();

export async function countWords(file: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line) continue;
    const text = (JSON.parse(line) as { text?: string }).text ?? '';
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (CLS[text.charCodeAt(i)] !== C_AR_LETTER) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n) {
        const k = CLS[text.charCodeAt(j)];
        if (k === C_AR_LETTER || k === C_MARK || k === C_TATWEEL) j++;
        else break;
      }
      const raw = text.slice(i, j);
      const w = segmentationForm(raw);
      const had = counts.get(w);
      if (had === undefined) spelling.set(w, raw);
      counts.set(w, (had ?? 0) + 1);
      i = j;
    }
  }
  return counts;
}

export function deriveStems(counts: Map<string, number>): { word: string; count: number; why: string }[] {
  const { stems, hosts, explicit, functionWords } = lexiconSets();
  // judge with the hand-written lexicon only
  for (const e of readWordList('stems-corpus.txt')) stems.delete(segmentationForm(e.word));
  for (const e of readWordList('stems.txt')) stems.add(segmentationForm(e.word));
  lexiconChanged();
  const rejected = new Set(readWordList('stems-rejected.txt').map((e) => segmentationForm(e.word)));
  const cnt = (s: string): number => counts.get(s) ?? 0;
  const allPrefixes = prefixStrings().map((p) => p.str);
  const prepAl = prefixStrings()
    .filter((p) => p.hasAl && p.str.length > 2 && p.str !== 'وال' && p.str !== 'فال')
    .map((p) => p.str);
  const out: { word: string; count: number; why: string }[] = [];
  for (const [w, c] of counts) {
    if (c < MIN_COUNT || w.length < 3) continue;
    if (rejected.has(w) || stems.has(w) || hosts.has(w) || explicit.has(w) || functionWords.has(w)) continue;
    const seg = segmentForm(w, hamzaAlefMask(spelling.get(w) ?? w));
    if (seg.length === 1) continue;
    const first = seg[0]!;
    const last = seg[seg.length - 1]!;
    // one layer at a time: a word with both proclitics and an enclitic is left to its stem
    if (first.kind === 'proclitic' && last.kind === 'enclitic') continue;
    let why = '';
    if (first.kind === 'proclitic') {
      // the layer of the article, when there is one: التقى = ال+تقي ?
      let alEnd = -1;
      let pos = 0;
      for (const p of seg) {
        if (p.kind !== 'proclitic') break;
        pos += p.len;
        if (p.norm === 'ال') alEnd = pos;
      }
      if (alEnd >= 0) {
        const r = w.slice(alEnd);
        let support = cnt(r);
        for (const p of prepAl) if (p !== w.slice(0, alEnd)) support += cnt(p + r);
        // (disabled: adjectives seldom seen without the article pass it too; ال-initial verbs
        // are listed by hand in stems.txt, and a hamza alef is never the article)
        if (AL_RATIO < 0 && alEnd === 2 && c >= AL_RATIO * (support + 1)) why = `al-ratio ${support}`;
      } else if (first.len === 1 && /^[أإآ]/.test((spelling.get(w) ?? w).slice(1))) {
        // a hamza alef right after the first letter starts a stem: وأضاف = و+أضاف
      } else {
        const r = w.slice(first.len);
        const c0 = w[0]!;
        let support = 0;
        // forms p+r where p ends with the removed letter are clitic+w itself (و+لندن), not r
        for (const p of allPrefixes) if (p + r !== w && !p.endsWith(c0)) support += cnt(p + r);
        if (cnt('ال' + w) >= ARTICLE_MIN) why = `article ${cnt('ال' + w)}`;
        else if (support < SUPPORT_MAX && c >= PREFIX_RATIO * (support + 1)) why = `prefix-ratio ${support}`;
      }
    } else {
      if (last.kind === 'enclitic') {
        const r = w.slice(0, w.length - last.len);
        let support = cnt(r) + cnt('ال' + r);
        for (const s of PRONOUN_ENCLITICS) if (s !== last.norm) support += cnt(r + s);
        // ة is written ت before an enclitic: سماحته ← سماحة
        if (r.endsWith('ت')) {
          const tm = r.slice(0, -1) + 'ة';
          support += cnt(tm) + cnt('ال' + tm);
        }
        const bare = w.slice(0, -1);
        // الحاله may be a spelling of الحالة: the article test needs ال…ه to be the usual spelling
        const sloppy = last.norm === 'ه' && cnt('ال' + w) <= 2 * cnt('ال' + r + 'ة');
        if (r.length < 2)
          why = ''; // a preposition host: بنا, لها
        else if (!sloppy && cnt('ال' + w) >= ARTICLE_MIN) why = `article ${cnt('ال' + w)}`;
        else if (
          w.endsWith('نا') &&
          bare.length >= 3 &&
          !bare.endsWith('ين') &&
          cnt('ال' + bare) >= ARTICLE_MIN
        )
          why = `tanween ${cnt('ال' + bare)}`;
        else if (r.endsWith('و') || r.endsWith('ا'))
          why = ''; // verb + object: هجروها, احتواه
        else if (support < SUPPORT_MAX && c >= SUFFIX_RATIO * (support + 1)) why = `suffix-ratio ${support}`;
      }
    }
    if (why) out.push({ word: w, count: c, why });
  }
  // second pass: with the first pass's words known, a word whose analysis now finds a
  // known stem needs no entry (فوزه = فوز+ه once فوز is known)
  for (const o of out) stems.add(o.word);
  lexiconChanged();
  const kept = out.filter((o) => {
    stems.delete(o.word);
    const seg = segmentForm(o.word, hamzaAlefMask(spelling.get(o.word) ?? o.word));
    stems.add(o.word);
    if (seg.length === 1) return true;
    let pos = 0;
    for (const p of seg) {
      if (p.kind === 'stem') {
        const stem = o.word.slice(pos, pos + p.len);
        // dropped only when that stem is at least a fifth as common (وسائل stays: سائل is rare)
        return !(isKnownStem(stem) && 5 * (cnt(stem) + cnt('ال' + stem)) >= o.count);
      }
      pos += p.len;
    }
    return true;
  });
  kept.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return kept;
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? resolve(process.cwd(), '../shared/corpus/saudinewsnet-2015.jsonl.gz');
  const counts = await countWords(file);
  const stems = deriveStems(counts);
  const lines = [
    '# Corpus-derived whole stems (see README.md: article, ratio and tanween tests).',
    '# Generated by src/text/tools/build-stems.ts from word counts of 2015 Arabic news, then',
    '# reviewed (most frequent entries by eye, the rest by sampling). The comment after each word',
    '# gives the test and its figure: edit freely;',
    '# move a wrong entry to stems-rejected.txt so a rebuild leaves it out.',
    ...stems.map((s) => `${spelling.get(s.word) ?? s.word}\t# ${s.count} ${s.why}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*[\\/]/, ''))) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
