/**
 * Relation view (`#/relation/A/B?from&to&quad&modality&offset`): two actor inputs, the monthly
 * timeline by quad class with the mean Goldstein line, and the filtered event list.
 */
import { api } from '../api.js';
import {
  errorBox,
  eventTable,
  fill,
  filterFields,
  fmtNumber,
  formValues,
  goldsteinColor,
  loading,
  pager,
  readFilters,
  section,
  storedRow,
} from '../components.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { hashFor, navigate } from '../router.js';
import type { ViewContext } from '../view.js';

const LIMIT = 50;

/** A datalist of known actors for the inputs (filled in the background). */
function actorList(ctx: ViewContext): HTMLDataListElement {
  const list = el('datalist', { id: 'actor-options' });
  void api
    .actors({ limit: 300 })
    .then(({ actors }) => {
      if (!ctx.alive()) return;
      for (const a of actors)
        list.appendChild(el('option', { value: a.code }, a.name ? `${a.code} ${a.name}` : a.code));
    })
    .catch(() => undefined);
  return list;
}

export async function relationView(ctx: ViewContext): Promise<void> {
  const [a = '', b = ''] = ctx.route.args;
  const q = ctx.route.query;
  const f = readFilters(q);
  const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);

  const form = el(
    'form',
    { class: 'filters', id: 'relation-form' },
    el(
      'label',
      {},
      t('actorA'),
      ' ',
      el('input', { name: 'a', value: a, list: 'actor-options', required: true, size: 10, dir: 'ltr' }),
    ),
    el(
      'label',
      {},
      t('actorB'),
      ' ',
      el('input', { name: 'b', value: b, list: 'actor-options', required: true, size: 10, dir: 'ltr' }),
    ),
    ...filterFields(f),
    el('button', { type: 'submit' }, t('show')),
    actorList(ctx),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    const up = (s: string | undefined) => (s ?? '').toUpperCase();
    navigate(
      hashFor('relation', [up(v.a), up(v.b)], { from: v.from, to: v.to, quad: v.quad, modality: v.modality }),
    );
  });
  ctx.root.appendChild(form);
  if (!a || !b) {
    ctx.root.appendChild(el('p', { class: 'status' }, t('relationHint')));
    return;
  }

  const summary = el('div', { class: 'stats' });
  const chartBox = el('div', { class: 'chart', id: 'relation-chart' });
  const listBox = el('div', { id: 'relation-events' }, loading());
  ctx.root.append(summary, section(t('timeline'), chartBox), section(t('eventList'), listBox));

  const charts = import('../charts.js');
  const [rel, page] = await Promise.allSettled([
    api.relation({ a, b, from: f.from, to: f.to }),
    api.events({
      pair: `${a},${b}`,
      from: f.from,
      to: f.to,
      quad: f.quad,
      modality: f.modality,
      limit: LIMIT,
      offset,
    }),
  ]);
  if (!ctx.alive()) return;
  if (page.status === 'fulfilled') {
    const p = page.value;
    fill(
      listBox,
      eventTable(p.events.map((ev) => storedRow(ev))),
      p.total > p.limit
        ? pager(p.total, p.limit, p.offset, (o) =>
            navigate(hashFor('relation', [a, b], { ...f, offset: o ? String(o) : null })),
          )
        : null,
    );
  } else fill(listBox, errorBox(page.reason));

  if (rel.status === 'rejected') {
    fill(chartBox, errorBox(rel.reason));
    return;
  }
  const r = rel.value;
  fill(
    summary,
    el('div', { class: 'stat' }, el('strong', {}, el('bdi', {}, `${r.a} – ${r.b}`))),
    el(
      'div',
      { class: 'stat', 'data-stat': 'events' },
      el('strong', {}, fmtNumber(r.events)),
      el('span', {}, t('events')),
    ),
    el(
      'div',
      { class: 'stat' },
      el('strong', { style: `color:${goldsteinColor(r.goldstein)}` }, fmtNumber(r.goldstein, 2)),
      el('span', {}, t('goldstein')),
    ),
  );
  try {
    const { monthChart } = await charts;
    if (!ctx.alive()) return;
    ctx.onCleanup(monthChart(chartBox, r.months, { goldstein: true }));
  } catch (err) {
    fill(chartBox, errorBox(err));
  }
}
