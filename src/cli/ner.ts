/**
 * `rasad ner`: CoNLL-style input (one token per line, a blank line between sentences) in,
 * `token<TAB>tag` out with BIO tags B-PERS I-PERS B-LOC I-LOC B-ORG I-ORG O.
 */
import { readFileSync } from 'node:fs';
import { annotate, loadResources } from '../pipeline.js';
import type { ActorMention, PlaceMention } from '../types.js';

type Tag = 'PERS' | 'LOC' | 'ORG';

function actorTag(a: ActorMention): Tag | null {
  switch (a.kind) {
    case 'person':
    case 'role':
      return 'PERS';
    case 'org':
    case 'body':
    case 'group':
      return 'ORG';
    case 'country':
    case 'capital':
      return 'LOC';
    default:
      return null;
  }
}

/** Tag the sentences of a CoNLL file; each sentence is a list of tokens (first column). */
export function tagConll(input: string): string {
  const sentences: string[][] = [[]];
  for (const raw of input.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      if (sentences[sentences.length - 1]!.length) sentences.push([]);
      continue;
    }
    sentences[sentences.length - 1]!.push(line.split(/\s+/)[0]!);
  }
  if (!sentences[sentences.length - 1]!.length) sentences.pop();
  const res = loadResources();
  const out: string[] = [];
  for (const toks of sentences) {
    // one document per sentence: tokens joined by spaces, offsets kept per token
    const starts: number[] = [];
    let text = '';
    for (const t of toks) {
      starts.push(text.length);
      text += `${t} `;
    }
    const ad = annotate({ id: 'conll', text: text.trimEnd() }, res, 'actors');
    const tags: string[] = toks.map(() => 'O');
    const spans: { start: number; end: number; tag: Tag }[] = [];
    for (const a of ad.actors) {
      const tag = actorTag(a);
      if (tag) spans.push({ start: a.start, end: a.end, tag });
    }
    for (const p of ad.places as PlaceMention[]) spans.push({ start: p.start, end: p.end, tag: 'LOC' });
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    for (const s of spans) {
      let first = true;
      toks.forEach((t, i) => {
        const a = starts[i]!;
        const b = a + t.length;
        if (b <= s.start || a >= s.end || tags[i] !== 'O') return;
        tags[i] = `${first ? 'B' : 'I'}-${s.tag}`;
        first = false;
      });
    }
    toks.forEach((t, i) => {
      out.push(`${t}\t${tags[i]}`);
    });
    out.push('');
  }
  return out.join('\n');
}

export async function runNer(file: string | undefined): Promise<number> {
  let input: string;
  if (!file || file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    input = Buffer.concat(chunks).toString('utf8');
  } else input = readFileSync(file, 'utf8');
  process.stdout.write(tagConll(input));
  return 0;
}
