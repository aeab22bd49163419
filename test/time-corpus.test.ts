/**
 * The time expression finder over the first 300 corpus articles: no crash, every offset valid,
 * spans sorted and disjoint. Prints (does not assert) the number of expressions per kind.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/text/sentences.js';
import { tokenize } from '../src/text/tokenize.js';
import { findTimeExpressions } from '../src/time/find.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'saudinewsnet-2015.jsonl.gz');
const present = existsSync(CORPUS);
if (!present) console.warn(`time-corpus: ${CORPUS} not found, skipping the corpus test`);

/** The first n lines of a gzipped file, without reading the rest. */
async function firstLines(path: string, n: number): Promise<string[]> {
  const stream = createReadStream(path).pipe(createGunzip());
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  const out: string[] = [];
  for await (const line of rl) {
    out.push(line);
    if (out.length >= n) break;
  }
  rl.close();
  stream.destroy();
  return out;
}

describe.skipIf(!present)('time expressions over 300 corpus articles', () => {
  it('no crash, valid offsets, per-kind counts', async () => {
    const lines = await firstLines(CORPUS, 300);
    const counts: Record<string, number> = {};
    let unresolved = 0;
    let total = 0;
    for (const line of lines) {
      if (!line.trim()) continue;
      const doc = JSON.parse(line) as { id: string; text: string; published?: string | null };
      const sentences = splitSentences(doc.text);
      const tokens = tokenize(doc.text, sentences);
      const times = findTimeExpressions(doc.text, sentences, tokens, doc.published ?? null);
      let prevEnd = 0;
      for (const t of times) {
        expect(doc.text.slice(t.start, t.end)).toBe(t.text);
        expect(t.start).toBeGreaterThanOrEqual(prevEnd);
        expect(t.end).toBeGreaterThan(t.start);
        const s = sentences[t.sentence]!;
        expect(t.start >= s.start && t.end <= s.end).toBe(true);
        if (t.value !== null) expect(t.value).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
        else unresolved++;
        prevEnd = t.end;
        counts[t.kind] = (counts[t.kind] ?? 0) + 1;
        total++;
      }
    }
    console.log(
      `time expressions in ${lines.length} articles: ${total}`,
      counts,
      `unresolved: ${unresolved}`,
    );
  });
});
