/**
 * The seed article's events against its gold document in ../shared/gold/dev.jsonl, scored with
 * src/eval/score.ts: every required gold event must match at the `full` level (code, actors,
 * date, place) and no prediction may be spurious (matching only an optional gold event is fine).
 * Gold content is read at test time, never copied here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type GoldDocument, score } from '../src/eval/score.js';
import { extract, loadResources } from '../src/pipeline.js';
import { GOLD_DEV_PATH, haveSeed, recordProblems, SEED_PATH, SEED_PUBLISHED } from './fixtures/checks.js';

const available = haveSeed && existsSync(GOLD_DEV_PATH);

function seedGold(text: string): GoldDocument {
  const docs = readFileSync(GOLD_DEV_PATH, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldDocument);
  const g = docs.find((d) => d.text === text) ?? docs.find((d) => d.id === 'seed-000');
  if (!g) throw new Error(`no gold document for the seed article in ${GOLD_DEV_PATH}`);
  return g;
}

describe.skipIf(!available)(
  `seed article events (skipped when ${SEED_PATH} or ${GOLD_DEV_PATH} is absent)`,
  () => {
    const text = available ? readFileSync(SEED_PATH, 'utf8') : '';
    const gold = available ? seedGold(text) : null;
    const preds = available
      ? extract({ id: gold!.id, text, published: SEED_PUBLISHED }, loadResources())
      : [];
    const r = available ? score([gold!], preds) : null;
    const show = (xs: unknown[][]) => xs.map((x) => x.map((v) => v ?? 'None').join(' | ')).join('\n');

    it('gold document is the seed, published 2025-12-24', () => {
      expect(gold!.published ?? SEED_PUBLISHED).toBe(SEED_PUBLISHED);
      expect(gold!.events.some((e) => e.required ?? true)).toBe(true);
    });

    it('every record validates against the spec', () => {
      expect(preds.flatMap((p) => recordProblems(p, text))).toEqual([]);
    });

    it('every required gold event matches at the root and code levels', () => {
      expect(show(r!.root.misses), 'root misses').toBe('');
      expect(show(r!.code.misses), 'code misses').toBe('');
    });

    it('every required gold event matches at the full level (date and place too)', () => {
      expect(show(r!.full.misses), 'full misses').toBe('');
      expect(r!.full.R).toBe(1);
    });

    it('no prediction is spurious at the full level', () => {
      expect(show(r!.full.spurious), 'spurious').toBe('');
      expect(r!.full.pred_wrong).toBe(0);
    });
  },
);
