/**
 * Readable terminal views. Arabic lines are wrapped in a right-to-left isolate
 * (U+2067 … U+2069) so bidi-aware terminals lay them out right to left; spans are
 * marked with brackets (and colours on a TTY) so they read without colour too.
 */
import type { AnnotatedDocument, EventRecord } from '../types.js';

const RLI = '\u2067';
const PDI = '\u2069';
const tty = () => !!process.stdout.isTTY && !process.env.NO_COLOR;
const colour = (code: number, s: string) => (tty() ? `\u001b[${code}m${s}\u001b[0m` : s);

/** An Arabic line for a terminal: isolated right to left. */
export function rtl(s: string): string {
  return `${RLI}${s}${PDI}`;
}

interface Mark {
  start: number;
  end: number;
  open: string;
  close: string;
}

/** Insert markers into `text` (from offset `base`), outermost first when spans nest. */
export function markSpans(text: string, base: number, marks: Mark[]): string {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = base;
  const stack: Mark[] = [];
  const flushTo = (to: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= to) {
      const m = stack.pop()!;
      out += text.slice(pos - base, m.end - base) + m.close;
      pos = m.end;
    }
    out += text.slice(pos - base, to - base);
    pos = to;
  };
  for (const m of sorted) {
    if (m.start < pos) continue; // overlapping, not nested: skip
    flushTo(m.start);
    out += m.open;
    stack.push(m);
  }
  flushTo(base + text.length);
  return out;
}

export function renderAnnotation(ad: AnnotatedDocument): string {
  const lines: string[] = [];
  lines.push(
    colour(1, `# ${ad.doc.id}`) + (ad.anchor ? `  (published ${ad.anchor})` : '  (no publication date)'),
  );
  for (const s of ad.sentences) {
    lines.push('');
    lines.push(colour(2, `[${s.index}] ${s.start}-${s.end}${s.heading ? ' heading' : ''}`));
    lines.push(rtl(s.text));
    const toks = ad.tokens.filter((t) => t.sentence === s.index && t.kind !== 'punct');
    lines.push(
      rtl(
        toks.map((t) => (t.pieces.length > 1 ? t.pieces.map((p) => p.text).join('+') : t.text)).join(' · '),
      ),
    );
    for (const te of ad.times.filter((x) => x.sentence === s.index))
      lines.push(`  time   ${rtl(te.text)}  ${te.start}-${te.end}  ${te.kind} → ${te.value ?? 'unresolved'}`);
    for (const a of ad.actors.filter((x) => x.sentence === s.index))
      lines.push(
        `  actor  ${rtl(a.text)}  ${a.start}-${a.end}  ${colour(36, a.code)}${a.name ? ` ${a.name}` : ''} (${a.kind}, ${a.resolution})`,
      );
    for (const p of ad.places.filter((x) => x.sentence === s.index))
      lines.push(
        `  place  ${rtl(p.text)}  ${p.start}-${p.end}  ${p.name}, ${p.country ?? '-'} ${p.lat ?? ''} ${p.lon ?? ''}`,
      );
  }
  return `${lines.join('\n')}\n\n`;
}

function eventLine(e: EventRecord): string {
  const src = e.source ? e.source.code : '-';
  const tgt = e.target ? e.target.code : '-';
  const place = e.place ? ` @${e.place.name}` : '';
  const att = e.attribution
    ? ` (per ${e.attribution.code}${e.attribution.name ? ` ${e.attribution.name}` : ''})`
    : '';
  return `  ${colour(33, e.code)} ${src} → ${tgt}  ${e.modality}  ${e.date ?? 'no date'}${place}${att}  [${e.pattern}, ${e.confidence}]`;
}

export function renderExplain(ad: AnnotatedDocument): string {
  const lines: string[] = [colour(1, `# ${ad.doc.id}`) + (ad.anchor ? `  (published ${ad.anchor})` : '')];
  const text = ad.doc.text;
  for (const s of ad.sentences) {
    const evs = ad.events.filter((e) => e.sentence === s.index);
    const marks: Mark[] = [];
    for (const a of ad.actors.filter((x) => x.sentence === s.index))
      marks.push({ start: a.start, end: a.end, open: colour(36, '['), close: colour(36, `]${a.code}`) });
    for (const e of evs)
      marks.push({
        start: e.trigger.start,
        end: e.trigger.end,
        open: colour(33, '⟦'),
        close: colour(33, '⟧'),
      });
    for (const te of ad.times.filter((x) => x.sentence === s.index))
      marks.push({ start: te.start, end: te.end, open: colour(35, '⟨'), close: colour(35, '⟩') });
    if (evs.length === 0) continue;
    lines.push('');
    lines.push(rtl(markSpans(text.slice(s.start, s.end), s.start, marks)));
    for (const e of evs) lines.push(eventLine(e));
  }
  return `${lines.join('\n')}\n\n`;
}

export function renderEventsSummary(ad: AnnotatedDocument): string {
  const lines = [colour(1, `# ${ad.doc.id}`) + `  ${ad.events.length} event(s)`];
  for (const e of ad.events) {
    lines.push(eventLine(e));
    lines.push(
      `      ${rtl(ad.doc.text.slice(ad.sentences[e.sentence]!.start, ad.sentences[e.sentence]!.end))}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
