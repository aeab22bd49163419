/**
 * `rasad eval GOLD.jsonl`: extraction on gold documents, scored as ../shared/gold/score.py does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { RasadError } from '../errors.js';
import { formatScore, type GoldDocument, LEVELS, score } from '../eval/score.js';
import { extract, loadResources } from '../pipeline.js';
import type { EventRecord } from '../types.js';

export function readGold(file: string): GoldDocument[] {
  const docs: GoldDocument[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let d: unknown;
      try {
        d = JSON.parse(line);
      } catch (e) {
        throw new RasadError('BAD_JSON', `${file}:${i + 1}: not valid JSON (${(e as Error).message})`);
      }
      const g = d as GoldDocument;
      if (typeof g?.id !== 'string' || typeof g.text !== 'string' || !Array.isArray(g.events)) {
        throw new RasadError(
          'BAD_DOCUMENT',
          `${file}:${i + 1}: expected a gold document with "id", "text" and "events"`,
        );
      }
      docs.push(g);
    });
  return docs;
}

export function predictGold(gold: GoldDocument[]): EventRecord[] {
  const res = loadResources();
  const preds: EventRecord[] = [];
  for (const g of gold)
    preds.push(...extract({ id: g.id, text: g.text, published: g.published ?? null }, res));
  return preds;
}

export async function runEval(
  file: string,
  o: { verbose?: boolean; json?: boolean; out?: string },
): Promise<number> {
  const gold = readGold(file);
  const preds = predictGold(gold);
  if (o.out)
    writeFileSync(o.out, preds.map((p) => JSON.stringify(p)).join('\n') + (preds.length ? '\n' : ''));
  const r = score(gold, preds);
  if (o.json) {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return 0;
  }
  const lines: string[] = [];
  if (o.verbose) {
    for (const lv of LEVELS) {
      for (const m of r[lv].misses) lines.push(`miss ${lv}: ${m.map((x) => x ?? 'None').join(' | ')}`);
      for (const s of r[lv].spurious) lines.push(`spurious ${lv}: ${s.map((x) => x ?? 'None').join(' | ')}`);
    }
  }
  lines.push(formatScore(r));
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
