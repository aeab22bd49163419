/**
 * Try it (`#/try`): paste Arabic text, POST /api/extract (nothing is stored), and see the events
 * beside the highlighted text. A click on an event marks its trigger, a click on a trigger its row.
 */
import { api } from '../api.js';
import { errorBox, eventTable, fill, formValues, loading, recordRow, section } from '../components.js';
import { el } from '../dom.js';
import { highlight } from '../highlight.js';
import { t } from '../i18n.js';
import { spansOf } from '../spans.js';
import type { ViewContext } from '../view.js';
import { legend } from './article.js';

let lastText = '';

export function tryView(ctx: ViewContext): void {
  const area = el('textarea', {
    name: 'text',
    rows: 10,
    dir: 'rtl',
    lang: 'ar',
    id: 'try-text',
    required: true,
  });
  area.value = lastText;
  const form = el(
    'form',
    { class: 'try-form', id: 'try-form' },
    area,
    el(
      'div',
      { class: 'filters' },
      el('label', {}, t('publishedOptional'), ' ', el('input', { type: 'date', name: 'published' })),
      el('button', { type: 'submit' }, t('extract')),
    ),
  );
  const out = el('div', { id: 'try-result' });
  ctx.root.append(el('h1', {}, t('tryTitle')), el('p', { class: 'hint' }, t('tryHint')), form, out);

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    const text = area.value;
    lastText = text;
    if (!text.trim()) return;
    fill(out, loading());
    out.removeAttribute('data-ready');
    api
      .extract({ text, ...(v.published ? { published: v.published } : {}) })
      .then((res) => {
        if (!ctx.alive()) return;
        const triggers = res.events.map((r) => ({
          id: r.id,
          start: r.trigger.start,
          end: r.trigger.end,
          code: r.code,
        }));
        const hl = highlight(res.annotations.text, spansOf(res.annotations, triggers));
        hl.body.id = 'try-body';
        const select = (id: string) => {
          for (const m of hl.body.querySelectorAll('mark.focus')) m.classList.remove('focus');
          for (const r of table.querySelectorAll('tr.selected')) r.classList.remove('selected');
          const mark = hl.triggers.get(id);
          mark?.classList.add('focus');
          mark?.scrollIntoView({ block: 'nearest' });
          for (const r of table.querySelectorAll('tr[data-event]'))
            if (r.getAttribute('data-event') === id) r.classList.add('selected');
        };
        const table = eventTable(
          res.events.map((r) => recordRow(r, () => select(r.id))),
          { articles: false },
        );
        hl.body.addEventListener('click', (ev) => {
          const first = (ev.target as HTMLElement)
            .closest('mark.hl-trigger')
            ?.getAttribute('data-ids')
            ?.split(' ')[0];
          if (first) select(first);
        });
        fill(
          out,
          legend(),
          el('div', { class: 'try-layout' }, section(t('events'), table), section(t('text'), hl.body)),
        );
        out.setAttribute('data-ready', 'true');
      })
      .catch((err: unknown) => {
        if (ctx.alive()) fill(out, errorBox(err));
        out.setAttribute('data-ready', 'true');
      });
  });
}
