/**
 * Plans the highlighting of a text from spans (UTF-16 offsets, end exclusive, as the extractor
 * writes them): a tree of text pieces and marks that covers every character exactly once, in order.
 * Spans nested in one another become nested marks; a span that crosses the edge of a span of
 * higher priority (triggers, then actors, places, times) is left out, so no character is ever lost
 * or repeated. Pure (no DOM), so it is unit-tested in Node.
 */

export type SpanKind = 'trigger' | 'actor' | 'place' | 'time';

export interface HighlightSpan {
  start: number;
  end: number;
  kind: SpanKind;
  /** Short label shown on the mark (a CAMEO code, an actor code, a date). */
  label: string;
  /** Ids the mark stands for (mention ids for triggers). */
  ids?: string[];
}

export type PlanNode =
  | { type: 'text'; start: number; end: number }
  | { type: 'mark'; span: HighlightSpan; children: PlanNode[] };

export interface Plan {
  nodes: PlanNode[];
  /** Spans left out: invalid offsets or crossing a span of higher priority. */
  dropped: HighlightSpan[];
}

const PRIORITY: Record<SpanKind, number> = { trigger: 0, actor: 1, place: 2, time: 3 };

function crosses(a: HighlightSpan, b: HighlightSpan): boolean {
  const disjoint = a.end <= b.start || b.end <= a.start;
  const nested = (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
  return !disjoint && !nested;
}

/** Spans with the same kind and extent become one (ids and distinct labels joined). */
function mergeSame(spans: HighlightSpan[]): HighlightSpan[] {
  const byKey = new Map<string, HighlightSpan>();
  for (const s of spans) {
    const key = `${s.kind}:${s.start}:${s.end}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, { ...s, ids: s.ids ? [...s.ids] : [] });
      continue;
    }
    if (s.label && !prev.label.split(' · ').includes(s.label))
      prev.label = prev.label ? `${prev.label} · ${s.label}` : s.label;
    for (const id of s.ids ?? []) if (!prev.ids!.includes(id)) prev.ids!.push(id);
  }
  return [...byKey.values()];
}

export function planHighlights(text: string, spans: HighlightSpan[]): Plan {
  const dropped: HighlightSpan[] = [];
  const valid: HighlightSpan[] = [];
  for (const s of spans) {
    const ok =
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      s.start >= 0 &&
      s.end <= text.length &&
      s.start < s.end;
    (ok ? valid : dropped).push(s);
  }
  const candidates = mergeSame(valid).sort(
    (a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const accepted: HighlightSpan[] = [];
  for (const s of candidates) {
    if (accepted.some((a) => crosses(a, s))) dropped.push(s);
    else accepted.push(s);
  }
  // Outer marks first: by start, then longer first, then (same extent) lower priority outside.
  accepted.sort((a, b) => a.start - b.start || b.end - a.end || PRIORITY[b.kind] - PRIORITY[a.kind]);

  const root: PlanNode[] = [];
  const stack: Array<{ span: HighlightSpan; children: PlanNode[] }> = [];
  let at = 0;
  const open = () => stack[stack.length - 1];
  const emitText = (end: number) => {
    if (end > at) (open()?.children ?? root).push({ type: 'text', start: at, end });
    at = Math.max(at, end);
  };
  const closeTop = () => {
    emitText(open()!.span.end);
    const frame = stack.pop()!;
    (open()?.children ?? root).push({ type: 'mark', span: frame.span, children: frame.children });
  };
  for (const s of accepted) {
    while (open() && open()!.span.end <= s.start) closeTop();
    emitText(s.start);
    stack.push({ span: s, children: [] });
  }
  while (open()) closeTop();
  emitText(text.length);
  return { nodes: root, dropped };
}

/** The text a plan covers, concatenated (equals the input text for every plan). */
export function planText(text: string, nodes: PlanNode[]): string {
  return nodes
    .map((n) => (n.type === 'text' ? text.slice(n.start, n.end) : planText(text, n.children)))
    .join('');
}
