/**
 * Overview (`#/`): counts, events per month by quad class, the most active actors and pairs.
 * The lists are drawn as soon as the data arrives; the chart library loads in parallel.
 */
import { api } from '../api.js';
import { errorBox, fmtNumber, goldsteinColor, loading, section } from '../components.js';
import { clear, el, link } from '../dom.js';
import { t } from '../i18n.js';
import { hashFor } from '../router.js';
import type { ViewContext } from '../view.js';

export async function overviewView(ctx: ViewContext): Promise<void> {
  const status = loading();
  ctx.root.appendChild(status);
  const charts = import('../charts.js');
  const data = await api.overview({ top: 15 });
  if (!ctx.alive()) return;
  status.remove();

  const stats = el(
    'div',
    { class: 'stats' },
    ...(
      [
        ['articles', data.articles],
        ['events', data.events],
        ['mentions', data.mentions],
      ] as const
    ).map(([k, n]) =>
      el('div', { class: 'stat', 'data-stat': k }, el('strong', {}, fmtNumber(n)), el('span', {}, t(k))),
    ),
  );

  const chartBox = el('div', { class: 'chart', id: 'overview-chart' });
  const actors = el(
    'ol',
    { class: 'rank', id: 'top-actors' },
    ...data.actors.map((a) =>
      el(
        'li',
        {},
        link(
          hashFor('actor', [a.code]),
          el('bdi', { class: 'code' }, a.code),
          a.name ? ' ' : null,
          a.name ? el('bdi', { class: 'muted' }, a.name) : null,
        ),
        el('span', { class: 'num' }, fmtNumber(a.events)),
      ),
    ),
  );
  const pairs = el(
    'ol',
    { class: 'rank', id: 'top-pairs' },
    ...data.pairs.map((p) =>
      el(
        'li',
        {},
        link(
          hashFor('relation', [p.a, p.b]),
          el('bdi', { class: 'code' }, p.a),
          ' – ',
          el('bdi', { class: 'code' }, p.b),
        ),
        el('span', {
          class: 'swatch',
          style: `background:${goldsteinColor(p.goldstein)}`,
          title: `${t('goldstein')}: ${fmtNumber(p.goldstein, 1)}`,
        }),
        el('span', { class: 'num' }, fmtNumber(p.events)),
      ),
    ),
  );
  ctx.root.append(
    stats,
    section(t('eventsOverTime'), chartBox),
    el(
      'div',
      { class: 'columns' },
      section(t('topActors'), data.actors.length ? actors : el('p', { class: 'status empty' }, t('none'))),
      section(t('topPairs'), data.pairs.length ? pairs : el('p', { class: 'status empty' }, t('none'))),
    ),
  );
  try {
    const { monthChart } = await charts;
    if (!ctx.alive()) return;
    ctx.onCleanup(monthChart(chartBox, data.months, { goldstein: true }));
  } catch (err) {
    clear(chartBox);
    chartBox.appendChild(errorBox(err));
  }
}
