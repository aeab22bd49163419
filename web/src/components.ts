/**
 * Pieces shared by the views: event tables, actor labels, Goldstein colours, status boxes and the
 * filter form. Everything from the data is set as text.
 */
import type { EventActor, StoredEvent } from '../../src/store/types.js';
import type { Actor, EventRecord } from '../../src/types.js';
import { api } from './api.js';
import { cameoNames } from './cameo.js';
import { append, type Child, clear, el, link } from './dom.js';
import { lang, modalityLabel, quadLabel, t } from './i18n.js';
import { hashFor, navigate } from './router.js';

/** Colour for a mean Goldstein value: red (−10, conflict) through grey to green (+10, cooperation). */
export function goldsteinColor(g: number | null | undefined): string {
  if (g === null || g === undefined || Number.isNaN(g)) return '#9aa0a6';
  const x = Math.max(-1, Math.min(1, g / 7));
  const hue = 60 + 60 * x;
  return `hsl(${hue.toFixed(0)}, 70%, ${(45 - 5 * Math.abs(x)).toFixed(0)}%)`;
}

export const QUAD_COLORS = ['#4caf50', '#1b7f3b', '#ff9800', '#d32f2f'] as const;

export function fmtNumber(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return n.toLocaleString(lang() === 'ar' ? 'ar-EG' : 'en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

export function arrow(): string {
  return lang() === 'ar' ? ' ← ' : ' → ';
}

/** An actor as a link to its view: code, and its name or text when known. */
export function actorLabel(a: EventActor | Actor | null): HTMLElement {
  if (!a) return el('span', { class: 'actor none' }, '–');
  const extra = a.name ?? ('text' in a ? a.text : null);
  return el(
    'span',
    { class: 'actor' },
    link(hashFor('actor', [a.code]), el('bdi', { class: 'code' }, a.code)),
    extra ? ' ' : null,
    extra ? el('bdi', { class: 'muted' }, extra) : null,
  );
}

export function loading(): HTMLElement {
  return el('p', { class: 'status loading' }, t('loading'));
}

export function errorBox(err: unknown): HTMLElement {
  const msg = err instanceof Error ? err.message : String(err);
  return el('p', { class: 'status error', role: 'alert' }, `${t('error')}: ${msg}`);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return el('section', { class: 'card' }, el('h2', {}, title), ...children);
}

/** One row of an event table, whatever the event's origin (store or extractor). */
export interface EventRow {
  id: string;
  date: string | null;
  code: string;
  quad: number;
  source: EventActor | Actor | null;
  target: EventActor | Actor | null;
  trigger: string;
  modality: string;
  articles: number | null;
  open: () => void;
}

/** Open the article view at the event's first mention (`#/article/ID?m=MENTION`). */
export async function openStoredEvent(ev: StoredEvent): Promise<void> {
  try {
    const full = await api.event(ev.id);
    const m = full.mentions?.find((x) => x.article === ev.first_article) ?? full.mentions?.[0];
    navigate(hashFor('article', [m?.article ?? ev.first_article], { m: m?.id ?? null, e: m ? null : ev.id }));
  } catch {
    navigate(hashFor('article', [ev.first_article], { e: ev.id }));
  }
}

export function storedRow(ev: StoredEvent, open: () => void = () => void openStoredEvent(ev)): EventRow {
  return {
    id: ev.id,
    date: ev.date,
    code: ev.code,
    quad: ev.quad,
    source: ev.source,
    target: ev.target,
    trigger: ev.trigger,
    modality: ev.modality,
    articles: ev.num_articles,
    open,
  };
}

export function recordRow(r: EventRecord, open: () => void): EventRow {
  return {
    id: r.id,
    date: r.date,
    code: r.code,
    quad: r.quad,
    source: r.source,
    target: r.target,
    trigger: r.trigger.text,
    modality: r.modality,
    articles: null,
    open,
  };
}

/** A table of events; a click (or Enter) on a row calls its `open`. */
export function eventTable(rows: EventRow[], opts: { articles?: boolean } = {}): HTMLElement {
  if (!rows.length) return el('p', { class: 'status empty' }, t('noEvents'));
  const showArticles = opts.articles ?? true;
  const codeCells: Array<[HTMLElement, string]> = [];
  const body = el('tbody');
  for (const r of rows) {
    const codeName = el('span', { class: 'muted code-name' });
    codeCells.push([codeName, r.code]);
    const tr = el(
      'tr',
      { class: 'event-row', tabindex: 0, 'data-event': r.id, 'data-quad': r.quad },
      el('td', { class: 'date' }, el('bdi', {}, r.date ?? '–')),
      el(
        'td',
        { class: 'code-cell' },
        el('span', { class: `quad-dot q${r.quad}`, title: quadLabel(r.quad) }),
        el('bdi', { class: 'code' }, r.code),
        ' ',
        codeName,
      ),
      el('td', { class: 'pair' }, actorLabel(r.source), arrow(), actorLabel(r.target)),
      el('td', { class: 'trigger', lang: 'ar', dir: 'rtl' }, r.trigger),
      el('td', { class: 'modality' }, modalityLabel(r.modality)),
      showArticles ? el('td', { class: 'num' }, fmtNumber(r.articles)) : null,
    );
    tr.addEventListener('click', (e) => {
      if ((e.target as HTMLElement).closest('a')) return;
      r.open();
    });
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') r.open();
    });
    body.appendChild(tr);
  }
  void cameoNames().then((names) => {
    for (const [cell, code] of codeCells) cell.textContent = names.get(code) ?? '';
  });
  return el(
    'table',
    { class: 'events' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', {}, t('date')),
        el('th', {}, t('code')),
        el('th', {}, t('sourceTarget')),
        el('th', {}, t('trigger')),
        el('th', {}, t('modality')),
        showArticles ? el('th', {}, t('numArticles')) : null,
      ),
    ),
    body,
  );
}

export interface Filters {
  from: string;
  to: string;
  quad: string;
  modality: string;
}

export function readFilters(q: URLSearchParams): Filters {
  return {
    from: q.get('from') ?? '',
    to: q.get('to') ?? '',
    quad: q.get('quad') ?? '',
    modality: q.get('modality') ?? '',
  };
}

function select(name: string, value: string, options: Array<[string, string]>): HTMLSelectElement {
  const s = el('select', { name });
  for (const [v, label] of options) {
    const o = el('option', { value: v }, label);
    if (v === value) o.selected = true;
    s.appendChild(o);
  }
  return s;
}

/** The date-range / quad / modality filter fields (to put in a form). */
export function filterFields(f: Filters): HTMLElement[] {
  return [
    el('label', {}, t('from'), ' ', el('input', { type: 'date', name: 'from', value: f.from })),
    el('label', {}, t('to'), ' ', el('input', { type: 'date', name: 'to', value: f.to })),
    el(
      'label',
      {},
      t('quad'),
      ' ',
      select('quad', f.quad, [
        ['', t('all')],
        ...[1, 2, 3, 4].map((q): [string, string] => [String(q), `${q} · ${quadLabel(q)}`]),
      ]),
    ),
    el(
      'label',
      {},
      t('modality'),
      ' ',
      select('modality', f.modality, [
        ['', t('all')],
        ...['asserted', 'future', 'hypothetical', 'negated'].map((m): [string, string] => [
          m,
          modalityLabel(m),
        ]),
      ]),
    ),
  ];
}

/** Values of a form's fields by name. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) out[k] = typeof v === 'string' ? v.trim() : '';
  return out;
}

/** A pager under a table: previous / next links that set `offset` in the current hash. */
export function pager(
  total: number,
  limit: number,
  offset: number,
  go: (offset: number) => void,
): HTMLElement {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  const prev = el('button', { type: 'button', disabled: offset <= 0 }, t('prev'));
  const next = el('button', { type: 'button', disabled: offset + limit >= total }, t('next'));
  prev.addEventListener('click', () => go(Math.max(0, offset - limit)));
  next.addEventListener('click', () => go(offset + limit));
  return el(
    'div',
    { class: 'pager' },
    prev,
    ` ${t('page')} ${page} / ${pages} · ${t('total')} ${total} `,
    next,
  );
}

/** Replace `box`'s children with `node`. */
export function fill(box: HTMLElement, ...nodes: Child[]): void {
  clear(box);
  append(box, ...nodes);
}
