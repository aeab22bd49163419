/**
 * Invariants of the text layer over the first 300 corpus articles (skipped when
 * ../shared/corpus is absent): every sentence, token and piece satisfies
 * `text.slice(start, end) === span.text`; pieces tile their token; sentences do not overlap
 * and appear in order; tokens lie inside their sentence, in order.
 */
import { createReadStream, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/text/normalize.js';
import { splitSentences } from '../src/text/sentences.js';
import { tokenize } from '../src/text/tokenize.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusPath = resolve(repoRoot, '../shared/corpus/saudinewsnet-2015.jsonl.gz');
const N = 300;

async function firstArticles(n: number): Promise<{ id: string; text: string }[]> {
  const out: { id: string; text: string }[] = [];
  const input = createReadStream(corpusPath).pipe(createGunzip());
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { id: string; text: string };
    out.push({ id: d.id, text: d.text });
    if (out.length >= n) break;
  }
  rl.close();
  input.destroy();
  return out;
}

describe.skipIf(!existsSync(corpusPath))(
  'first 300 corpus articles (skipped: ../shared/corpus not found)',
  () => {
    it('spans, tiling and order hold everywhere', async () => {
      const docs = await firstArticles(N);
      expect(docs.length).toBe(N);
      let problems: string[] = [];
      let tokens = 0;
      for (const { id, text } of docs) {
        const bad = (msg: string) => problems.push(`${id}: ${msg}`);
        const sentences = splitSentences(text);
        let last = 0;
        sentences.forEach((s, i) => {
          if (s.index !== i) bad(`sentence ${i} has index ${s.index}`);
          if (text.slice(s.start, s.end) !== s.text) bad(`sentence ${i} text`);
          if (s.start < last || s.end <= s.start) bad(`sentence ${i} overlaps or is empty`);
          if (/^\s|\s$/u.test(s.text)) bad(`sentence ${i} has surrounding whitespace`);
          last = s.end;
        });
        const toks = tokenize(text, sentences);
        tokens += toks.length;
        let prevEnd = 0;
        toks.forEach((t, i) => {
          if (t.index !== i) bad(`token ${i} has index ${t.index}`);
          if (text.slice(t.start, t.end) !== t.text) bad(`token ${i} text`);
          if (t.start < prevEnd || t.end <= t.start) bad(`token ${i} overlaps or is empty`);
          prevEnd = t.end;
          const s = sentences[t.sentence];
          if (!s || t.start < s.start || t.end > s.end) bad(`token ${i} outside its sentence`);
          if (t.norm !== normalize(t.text)) bad(`token ${i} norm`);
          let at = t.start;
          let stems = 0;
          for (const p of t.pieces) {
            if (p.start !== at) bad(`token ${i}: pieces do not tile`);
            if (text.slice(p.start, p.end) !== p.text) bad(`token ${i}: piece text`);
            if (p.end <= p.start) bad(`token ${i}: empty piece`);
            if (p.kind === 'stem') stems++;
            at = p.end;
          }
          if (at !== t.end) bad(`token ${i}: pieces do not reach the token end`);
          if (stems !== 1) bad(`token ${i}: ${stems} stem pieces`);
        });
        if (problems.length > 20) problems = problems.slice(0, 20);
      }
      expect(problems).toEqual([]);
      expect(tokens).toBeGreaterThan(10_000);
    });
  },
);
