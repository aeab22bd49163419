/**
 * Article view (`#/article/ID?m=MENTION` or `?e=EVENT`): the Arabic text with triggers, actors,
 * places and time expressions marked (labels drawn by CSS, so the text stays exactly the article's),
 * details of the event of a clicked trigger, the article's events and the source link.
 */
import type { Mention, StoredEvent } from '../../../src/store/types.js';
import { api } from '../api.js';
import { cameoNames } from '../cameo.js';
import {
  actorLabel,
  arrow,
  eventTable,
  fill,
  fmtNumber,
  goldsteinColor,
  section,
  storedRow,
} from '../components.js';
import { el, safeUrl } from '../dom.js';
import { highlight } from '../highlight.js';
import { modalityLabel, quadLabel, t } from '../i18n.js';
import { hashFor, navigate } from '../router.js';
import { spansOf } from '../spans.js';
import type { ViewContext } from '../view.js';

/** The legend of mark colours. */
export function legend(): HTMLElement {
  return el(
    'p',
    { class: 'legend' },
    `${t('legend')}: `,
    el('mark', { class: 'hl hl-trigger' }, t('lblTrigger')),
    ' ',
    el('mark', { class: 'hl hl-actor' }, t('lblActor')),
    ' ',
    el('mark', { class: 'hl hl-place' }, t('lblPlace')),
    ' ',
    el('mark', { class: 'hl hl-time' }, t('lblTime')),
  );
}

function row(label: string, ...value: Array<Node | string>): HTMLElement[] {
  return [el('dt', {}, label), el('dd', {}, ...value)];
}

async function details(ev: StoredEvent | undefined, m: Mention): Promise<HTMLElement> {
  const names = await cameoNames();
  const r = m.record;
  return el(
    'dl',
    { class: 'details', 'data-mention': m.id },
    ...row(t('code'), el('bdi', { class: 'code' }, r.code), ` ${names.get(r.code) ?? ''}`),
    ...row(t('quad'), `${r.quad} · ${quadLabel(r.quad)}`),
    ...row(
      t('goldsteinShort'),
      el('span', { style: `color:${goldsteinColor(r.goldstein)}` }, fmtNumber(r.goldstein, 1)),
    ),
    ...row(t('sourceTarget'), actorLabel(r.source), arrow(), actorLabel(r.target)),
    ...row(t('trigger'), el('bdi', { lang: 'ar' }, r.trigger.text)),
    ...row(
      t('date'),
      el('bdi', {}, r.date ?? '–'),
      r.date_text ? ' ' : '',
      r.date_text ? el('bdi', { class: 'muted', lang: 'ar' }, `(${r.date_text})`) : '',
    ),
    ...row(t('place'), r.place ? el('bdi', {}, `${r.place.name_ar} · ${r.place.name}`) : '–'),
    ...row(t('modality'), modalityLabel(r.modality)),
    ...row(t('confidence'), fmtNumber(r.confidence, 2)),
    ...row(t('pattern'), el('bdi', { class: 'code' }, r.pattern)),
    ...(ev ? row(t('numArticles'), fmtNumber(ev.num_articles)) : []),
  );
}

export async function articleView(ctx: ViewContext): Promise<void> {
  const id = ctx.route.args[0] ?? '';
  const view = await api.article(id);
  if (!ctx.alive()) return;
  const { article, annotations, mentions, events } = view;
  const text = article.text;
  const eventsById = new Map(events.map((e) => [e.id, e]));
  const { body, triggers } = highlight(
    text,
    spansOf(
      annotations.text === text ? annotations : { ...annotations, actors: [], places: [], times: [] },
      mentions,
    ),
  );
  body.id = 'article-body';
  const panel = el(
    'aside',
    { class: 'card details-panel', id: 'event-details' },
    el('h2', {}, t('eventDetails')),
    el('p', { class: 'hint' }, t('openEvent')),
  );

  let focused: HTMLElement | null = null;
  const show = async (mentionId: string, scroll: boolean) => {
    const m = mentions.find((x) => x.id === mentionId);
    const mark = triggers.get(mentionId);
    if (!m) return;
    focused?.classList.remove('focus');
    if (mark) {
      mark.classList.add('focus');
      mark.setAttribute('data-focus', mentionId);
      focused = mark;
      if (scroll) mark.scrollIntoView({ block: 'center' });
    }
    const d = await details(eventsById.get(m.event), m);
    if (ctx.alive()) fill(panel, el('h2', {}, t('eventDetails')), d);
  };
  body.addEventListener('click', (e) => {
    const mark = (e.target as HTMLElement).closest('mark.hl-trigger');
    const first = mark?.getAttribute('data-ids')?.split(' ')[0];
    if (first) void show(first, false);
  });
  body.addEventListener('keydown', (e) => {
    const mark = (e.target as HTMLElement).closest('mark.hl-trigger');
    const first = mark?.getAttribute('data-ids')?.split(' ')[0];
    if (e.key === 'Enter' && first) void show(first, false);
  });

  const url = safeUrl(article.url);
  const meta = el(
    'p',
    { class: 'meta' },
    article.published ? el('span', {}, `${t('published')}: `, el('bdi', {}, article.published)) : null,
    article.source ? el('span', {}, ` · ${t('outlet')}: `, el('bdi', {}, article.source)) : null,
    url
      ? el(
          'span',
          {},
          ' · ',
          el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, t('sourceLink')),
        )
      : null,
  );
  const firstMention = (eventId: string) => mentions.find((m) => m.event === eventId);
  const table = eventTable(
    events.map((ev) =>
      storedRow(ev, () => {
        const m = firstMention(ev.id);
        navigate(hashFor('article', [id], { m: m?.id ?? null }));
      }),
    ),
  );
  ctx.root.append(
    el('h1', { lang: 'ar', dir: 'rtl' }, article.title ?? article.id),
    meta,
    legend(),
    el('div', { class: 'article-layout' }, section(t('text'), body), panel),
    section(t('events'), table),
  );

  const want = ctx.route.query.get('m') ?? firstMention(ctx.route.query.get('e') ?? '')?.id ?? null;
  if (want) await show(want, true);
}
