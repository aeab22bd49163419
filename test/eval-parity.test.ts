/**
 * `rasad eval` prints the same numbers as ../shared/gold/score.py on the same predictions.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictGold, readGold } from '../src/cli/eval.js';
import { formatScore, score } from '../src/eval/score.js';

const shared = resolve(import.meta.dirname, '..', '..', 'shared');
const goldFile = join(shared, 'gold', 'dev.jsonl');
const scorer = join(shared, 'gold', 'score.py');
const ready = existsSync(goldFile) && existsSync(scorer);
let python = false;
try {
  execFileSync('python3', ['--version']);
  python = true;
} catch {
  python = false;
}
if (!ready) console.warn(`eval parity test skipped: ${goldFile} or ${scorer} not found`);
else if (!python) console.warn('eval parity test skipped: python3 not found');

describe.skipIf(!ready || !python)('rasad eval agrees with score.py', () => {
  it('prints the same summary on dev.jsonl', () => {
    const gold = readGold(goldFile);
    const preds = predictGold(gold);
    const dir = mkdtempSync(join(tmpdir(), 'rasad-eval-'));
    const out = join(dir, 'pred.jsonl');
    writeFileSync(out, preds.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const py = execFileSync('python3', [scorer, goldFile, out], { encoding: 'utf8' }).trim();
    expect(formatScore(score(gold, preds))).toBe(py);
    const pyJson = JSON.parse(
      execFileSync('python3', [scorer, goldFile, out, '--json'], { encoding: 'utf8' }),
    );
    const ours = score(gold, preds);
    for (const lv of ['root', 'code', 'full'] as const) {
      expect(ours[lv].misses.length).toBe(pyJson[lv].misses.length);
      expect(ours[lv].spurious.length).toBe(pyJson[lv].spurious.length);
    }
  });
});
