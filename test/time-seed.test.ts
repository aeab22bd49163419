/**
 * Golden test: the time expressions of the seed article (published 2025-12-24).
 * The golden file holds offsets, kind, value and precision only, never text: the seed is read
 * from ../shared at test time. Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/time-seed`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/text/sentences.js';
import { tokenize } from '../src/text/tokenize.js';
import { findTimeExpressions } from '../src/time/find.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = join(ROOT, '..', 'shared', 'seed', '000_326bea3903292d52.txt');
const GOLDEN = join(ROOT, 'test', 'golden', 'seed-times.json');
const PUBLISHED = '2025-12-24';

const present = existsSync(SEED);
if (!present) console.warn(`time-seed: ${SEED} not found, skipping the seed golden test`);

describe.skipIf(!present)('seed article time expressions', () => {
  const text = present ? readFileSync(SEED, 'utf8') : '';
  const sentences = splitSentences(text);
  const found = findTimeExpressions(text, sentences, tokenize(text, sentences), PUBLISHED);
  const got = found.map(({ start, end, kind, value, precision }) => ({ start, end, kind, value, precision }));

  it('matches the golden file', () => {
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      writeFileSync(GOLDEN, JSON.stringify(got, null, 2) + '\n');
    }
    expect(got).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('finds يوم أمس and أكتوبر الماضي, and nothing vague', () => {
    for (const x of found) expect(text.slice(x.start, x.end)).toBe(x.text);
    const byText = new Map(found.map((x) => [x.text, x]));
    expect(byText.get('يوم أمس')).toMatchObject({ kind: 'relative', value: '2025-12-23', precision: 'day' });
    expect(byText.get('أكتوبر الماضي')).toMatchObject({ value: '2025-10', precision: 'month' });
    expect(found.some((x) => x.text.includes('السنوات'))).toBe(false);
  });
});
