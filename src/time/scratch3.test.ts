import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { splitSentences } from '../text/sentences.js';
import { tokenize } from '../text/tokenize.js';
import { findTimeExpressions } from './find.js';

it('corpus', () => {
  const docs = readFileSync(process.env.CORPUS ?? '/tmp/c300.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const lines: string[] = [];
  const kinds: Record<string, number> = {};
  for (const d of docs) {
    const s = splitSentences(d.text);
    const t = tokenize(d.text, s);
    for (const x of findTimeExpressions(d.text, s, t, d.published)) {
      kinds[x.kind] = (kinds[x.kind] ?? 0) + 1;
      const ctx = (d.text.slice(Math.max(0, x.start - 30), x.start) + '[' + x.text + ']' + d.text.slice(x.end, x.end + 30)).replace(/\n/g, ' ');
      lines.push(`${x.kind}\t${x.value}\t${x.text}\t${ctx}\t${d.published}`);
    }
  }
  writeFileSync('/tmp/times.tsv', lines.join('\n'));
  console.log(kinds);
});
