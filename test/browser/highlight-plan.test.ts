/**
 * The dashboard's highlighting plan (web/src/highlight-plan.ts): every character of the text is
 * covered once and in order whatever the spans (nested, identical, crossing, out of range), nested
 * spans nest, and a span crossing one of higher priority is left out rather than cut.
 */
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../web/src/escape.js';
import { type HighlightSpan, type PlanNode, planHighlights, planText } from '../../web/src/highlight-plan.js';

const TEXT = 'وصل وزير الخارجية السوري أسعد الشيباني إلى موسكو يوم أمس 😀 للقاء لافروف.';

function marks(
  nodes: PlanNode[],
  depth = 0,
): Array<{ kind: string; text: string; depth: number; ids: string[] }> {
  return nodes.flatMap((n) =>
    n.type === 'text'
      ? []
      : [
          { kind: n.span.kind, text: planText(TEXT, n.children), depth, ids: n.span.ids ?? [] },
          ...marks(n.children, depth + 1),
        ],
  );
}

const at = (s: string, kind: HighlightSpan['kind'], label = '', ids?: string[]): HighlightSpan => {
  const start = TEXT.indexOf(s);
  if (start < 0) throw new Error(`not in text: ${s}`);
  return { start, end: start + s.length, kind, label, ...(ids ? { ids } : {}) };
};

describe('planHighlights', () => {
  it('covers the text exactly with no spans', () => {
    const p = planHighlights(TEXT, []);
    expect(planText(TEXT, p.nodes)).toBe(TEXT);
    expect(p.nodes).toEqual([{ type: 'text', start: 0, end: TEXT.length }]);
  });

  it('nests an actor inside a longer actor and keeps a trigger beside them', () => {
    const spans = [
      at('وزير الخارجية السوري أسعد الشيباني', 'actor', 'SYRGOV'),
      at('السوري', 'actor', 'SYR'),
      at('وصل', 'trigger', '032', ['m1']),
      at('موسكو', 'place', 'Moscow'),
      at('يوم أمس', 'time', '2025-12-23'),
    ];
    const p = planHighlights(TEXT, spans);
    expect(planText(TEXT, p.nodes)).toBe(TEXT);
    expect(p.dropped).toEqual([]);
    expect(marks(p.nodes)).toEqual([
      { kind: 'trigger', text: 'وصل', depth: 0, ids: ['m1'] },
      { kind: 'actor', text: 'وزير الخارجية السوري أسعد الشيباني', depth: 0, ids: [] },
      { kind: 'actor', text: 'السوري', depth: 1, ids: [] },
      { kind: 'place', text: 'موسكو', depth: 0, ids: [] },
      { kind: 'time', text: 'يوم أمس', depth: 0, ids: [] },
    ]);
  });

  it('merges identical trigger spans of several records into one mark with every id', () => {
    const p = planHighlights(TEXT, [at('وصل', 'trigger', '032', ['a']), at('وصل', 'trigger', '042', ['b'])]);
    const m = marks(p.nodes);
    expect(m).toHaveLength(1);
    expect(m[0]!.ids).toEqual(['a', 'b']);
    expect(p.nodes[0]).toMatchObject({ type: 'mark', span: { label: '032 · 042' } });
  });

  it('drops a lower-priority span crossing a trigger, keeping every character', () => {
    const crossing: HighlightSpan = { ...at('إلى موسكو', 'place'), start: TEXT.indexOf('الشيباني') + 3 };
    const p = planHighlights(TEXT, [at('الشيباني إلى', 'trigger', 'x', ['t']), crossing]);
    expect(planText(TEXT, p.nodes)).toBe(TEXT);
    expect(p.dropped).toMatchObject([{ start: crossing.start, end: crossing.end, kind: 'place' }]);
    expect(marks(p.nodes).map((m) => m.text)).toEqual(['الشيباني إلى']);
  });

  it('puts the trigger inside an actor of the same extent, and handles surrogate pairs', () => {
    const emoji = TEXT.indexOf('😀');
    const spans: HighlightSpan[] = [
      { start: emoji, end: emoji + 2, kind: 'actor', label: 'A' },
      { start: emoji, end: emoji + 2, kind: 'trigger', label: 'T', ids: ['e'] },
      { start: emoji + 2, end: TEXT.length, kind: 'time', label: '' },
    ];
    const p = planHighlights(TEXT, spans);
    expect(planText(TEXT, p.nodes)).toBe(TEXT);
    expect(marks(p.nodes).map((m) => [m.kind, m.depth, m.text])).toEqual([
      ['actor', 0, '😀'],
      ['trigger', 1, '😀'],
      ['time', 0, TEXT.slice(emoji + 2)],
    ]);
  });

  it('drops spans with offsets outside the text or empty', () => {
    const bad: HighlightSpan[] = [
      { start: -1, end: 3, kind: 'actor', label: '' },
      { start: 5, end: 5, kind: 'place', label: '' },
      { start: 10, end: TEXT.length + 1, kind: 'time', label: '' },
      { start: 1.5, end: 4, kind: 'time', label: '' },
    ];
    const p = planHighlights(TEXT, bad);
    expect(planText(TEXT, p.nodes)).toBe(TEXT);
    expect(p.dropped).toHaveLength(4);
  });

  it('keeps every character for many random overlapping spans', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const kinds: HighlightSpan['kind'][] = ['trigger', 'actor', 'place', 'time'];
    for (let round = 0; round < 200; round++) {
      const spans: HighlightSpan[] = [];
      for (let i = 0; i < 12; i++) {
        const a = rnd(TEXT.length);
        const b = a + 1 + rnd(15);
        spans.push({ start: a, end: Math.min(b, TEXT.length), kind: kinds[rnd(4)]!, label: String(i) });
      }
      const p = planHighlights(TEXT, spans);
      expect(planText(TEXT, p.nodes)).toBe(TEXT);
      // Every accepted mark covers exactly its span.
      const check = (nodes: PlanNode[]) => {
        for (const n of nodes) {
          if (n.type !== 'mark') continue;
          expect(planText(TEXT, n.children)).toBe(TEXT.slice(n.span.start, n.span.end));
          check(n.children);
        }
      };
      check(p.nodes);
    }
  });
});

describe('escapeHtml (ECharts tooltips)', () => {
  it('writes markup characters as references, leaving Arabic text alone', () => {
    const s = `<img src=x onerror="alert('1')"> & \`x\` دمشق`;
    const e = escapeHtml(s);
    expect(e).not.toMatch(/[<>"'`]/);
    expect(e).toBe('&#60;img src=x onerror=&#34;alert(&#39;1&#39;)&#34;&#62; &#38; &#96;x&#96; دمشق');
  });
});
