/**
 * Every example of every event pattern (data/patterns/*.yaml) runs through the whole
 * pipeline: the events that pattern yields must be exactly the expected ones.
 *
 * Examples the coder does not yet get right are listed in pattern-examples.known-gaps.json
 * (a ratchet): they must still fail — when one starts passing, remove it from the list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPatterns } from '../src/events/patterns.js';
import { extract, loadResources } from '../src/pipeline.js';

const SYMMETRIC = new Set(['040', '041', '044', '046', '057']);
const patterns = loadPatterns();
const res = loadResources();
const gaps = new Set<string>(
  JSON.parse(
    readFileSync(new URL('./pattern-examples.known-gaps.json', import.meta.url), 'utf8'),
  ) as string[],
);

function norm(e: string): string {
  const [code, s, t] = e.split(' ') as [string, string, string];
  if (SYMMETRIC.has(code.slice(0, 3)) && s > t) return `${code} ${t} ${s}`;
  return `${code} ${s} ${t}`;
}

function run(p: (typeof patterns)[number], i: number): { got: string[]; want: string[] } {
  const ex = p.examples[i]!;
  const events = extract({ id: `${p.id}-${i}`, text: ex.text, published: ex.published ?? '2025-01-15' }, res);
  const got = [
    ...new Set(
      events
        .filter((e) => e.pattern === p.id)
        .map((e) => norm(`${e.code} ${e.source?.code ?? '-'} ${e.target?.code ?? '-'}`)),
    ),
  ].sort();
  return { got, want: [...new Set(ex.expect.map(norm))].sort() };
}

// UPDATE_KNOWN_GAPS=1 npx vitest run test/pattern-examples rewrites the list from the current coder
if (process.env.UPDATE_KNOWN_GAPS) {
  const failing: string[] = [];
  for (const p of patterns)
    p.examples.forEach((_, i) => {
      const { got, want } = run(p, i);
      if (JSON.stringify(got) !== JSON.stringify(want)) failing.push(`${p.id}#${i + 1}`);
    });
  writeFileSync(
    new URL('./pattern-examples.known-gaps.json', import.meta.url),
    `${JSON.stringify(failing, null, 1)}\n`,
  );
  gaps.clear();
  for (const f of failing) gaps.add(f);
}

describe('pattern examples', () => {
  for (const p of patterns) {
    p.examples.forEach((ex, i) => {
      const key = `${p.id}#${i + 1}`;
      if (gaps.has(key)) {
        it(`${key} (${p.file}:${ex.line}) is a known gap and still fails`, () => {
          const { got, want } = run(p, i);
          expect(
            got,
            `${ex.text}: now passes — remove ${key} from pattern-examples.known-gaps.json`,
          ).not.toEqual(want);
        });
      } else {
        it(`${key} (${p.file}:${ex.line})`, () => {
          const { got, want } = run(p, i);
          expect(got, ex.text).toEqual(want);
        });
      }
    });
  }
  it('lists only examples that exist', () => {
    const all = new Set(patterns.flatMap((p) => p.examples.map((_, i) => `${p.id}#${i + 1}`)));
    expect([...gaps].filter((g) => !all.has(g))).toEqual([]);
  });
});
