/** Actor view (`#/actor/CODE`): profile, partners (each a link to the relation) and recent events. */
import { api } from '../api.js';
import {
  eventTable,
  fmtNumber,
  goldsteinColor,
  loading,
  QUAD_COLORS,
  section,
  storedRow,
} from '../components.js';
import { el, link } from '../dom.js';
import { quadLabel, t } from '../i18n.js';
import { hashFor } from '../router.js';
import type { ViewContext } from '../view.js';

/** A small stacked bar of the four quad counts. */
function quadBar(quads: [number, number, number, number]): HTMLElement {
  const total = quads.reduce((s, n) => s + n, 0) || 1;
  return el(
    'span',
    { class: 'quadbar' },
    ...quads.map((n, i) =>
      el('span', {
        style: `width:${((100 * n) / total).toFixed(1)}%;background:${QUAD_COLORS[i]}`,
        title: `${quadLabel(i + 1)}: ${n}`,
      }),
    ),
  );
}

export async function actorView(ctx: ViewContext): Promise<void> {
  const key = ctx.route.args[0] ?? '';
  const status = loading();
  ctx.root.appendChild(status);
  const p = await api.actor(key);
  if (!ctx.alive()) return;
  status.remove();
  const s = p.summary;
  const profile = el(
    'dl',
    { class: 'profile' },
    el('dt', {}, t('code')),
    el('dd', {}, el('bdi', { class: 'code' }, s?.code ?? p.key)),
    el('dt', {}, t('name')),
    el('dd', {}, el('bdi', {}, s?.name ?? '–')),
    el('dt', {}, t('country')),
    el('dd', {}, el('bdi', {}, s?.country ?? '–')),
    el('dt', {}, t('events')),
    el('dd', {}, fmtNumber(p.events)),
    el('dt', {}, t('asSource')),
    el('dd', {}, fmtNumber(p.asSource)),
    el('dt', {}, t('asTarget')),
    el('dd', {}, fmtNumber(p.asTarget)),
  );
  const partners = p.partners.length
    ? el(
        'table',
        { class: 'partners' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', {}, t('code')),
            el('th', {}, t('events')),
            el('th', {}, t('goldsteinShort')),
            el('th', {}, t('quad')),
          ),
        ),
        el(
          'tbody',
          {},
          ...p.partners.map((x) =>
            el(
              'tr',
              {},
              el(
                'td',
                {},
                link(
                  hashFor('relation', [p.key, x.code]),
                  el('bdi', { class: 'code' }, x.code),
                  x.name ? ' ' : null,
                  x.name ? el('bdi', { class: 'muted' }, x.name) : null,
                ),
              ),
              el('td', { class: 'num' }, fmtNumber(x.events)),
              el(
                'td',
                { class: 'num', style: `color:${goldsteinColor(x.goldstein)}` },
                fmtNumber(x.goldstein, 1),
              ),
              el('td', {}, quadBar(x.quads)),
            ),
          ),
        ),
      )
    : el('p', { class: 'status empty' }, t('none'));
  ctx.root.append(
    el('h1', {}, el('bdi', {}, s?.name ? `${s.name} (${s.code})` : p.key)),
    el('div', { class: 'columns' }, section(t('profile'), profile), section(t('partners'), partners)),
    section(t('recentEvents'), eventTable(p.recent.map((ev) => storedRow(ev)))),
  );
}
