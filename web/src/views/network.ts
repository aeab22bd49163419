/**
 * Actor network (`#/network?from&to&quad&max`): Cytoscape graph (loaded on demand), nodes sized by
 * events, edges weighted by count and coloured by mean Goldstein; a click on a node opens the actor.
 */
import { api } from '../api.js';
import { fill, filterFields, formValues, goldsteinColor, loading, readFilters } from '../components.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { hashFor, navigate } from '../router.js';
import type { ViewContext } from '../view.js';

export async function networkView(ctx: ViewContext): Promise<void> {
  const q = ctx.route.query;
  const f = readFilters(q);
  const max = Math.min(300, Math.max(5, Number(q.get('max') ?? 60) || 60));
  const form = el(
    'form',
    { class: 'filters' },
    ...filterFields(f),
    el(
      'label',
      {},
      t('maxNodes'),
      ' ',
      el('input', { type: 'number', name: 'max', value: max, min: 5, max: 300 }),
    ),
    el('button', { type: 'submit' }, t('show')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    navigate(
      hashFor('network', [], { from: v.from, to: v.to, quad: v.quad, modality: v.modality, max: v.max }),
    );
  });
  const box = el('div', { class: 'graph', id: 'network-graph' }, loading());
  ctx.root.append(form, el('p', { class: 'hint' }, t('networkHint')), box);

  const [net, cy] = await Promise.all([
    api.network({ from: f.from, to: f.to, quad: f.quad, modality: f.modality, maxNodes: max }),
    import('cytoscape'),
  ]);
  if (!ctx.alive()) return;
  fill(box);
  if (!net.nodes.length) {
    fill(box, el('p', { class: 'status empty' }, t('none')));
    return;
  }
  const maxEvents = Math.max(1, ...net.nodes.map((n) => n.events));
  const maxEdge = Math.max(1, ...net.edges.map((e) => e.events));
  const ids = new Set(net.nodes.map((n) => n.code));
  const graph = cy.default({
    container: box,
    elements: [
      ...net.nodes.map((n) => ({
        data: {
          id: n.code,
          label: n.code,
          size: 18 + 42 * Math.sqrt(n.events / maxEvents),
        },
      })),
      ...net.edges
        .filter((e) => ids.has(e.source) && ids.has(e.target))
        .map((e, i) => ({
          data: {
            id: `e${i}`,
            source: e.source,
            target: e.target,
            width: 1 + 7 * Math.sqrt(e.events / maxEdge),
            color: goldsteinColor(e.goldstein),
          },
        })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          width: 'data(size)',
          height: 'data(size)',
          'background-color': '#5c6bc0',
          color: '#222',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 3,
        },
      },
      {
        selector: 'edge',
        style: { width: 'data(width)', 'line-color': 'data(color)', 'curve-style': 'haystack', opacity: 0.8 },
      },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000 },
    wheelSensitivity: 0.3,
  });
  graph.on('tap', 'node', (e) => navigate(hashFor('actor', [String(e.target.id())])));
  ctx.onCleanup(() => graph.destroy());
  // The same nodes as links, for keyboards and screen readers (with their drawn position).
  const list = el('ul', { class: 'node-list', id: 'network-nodes' });
  graph.nodes().forEach((n) => {
    const p = n.renderedPosition();
    const s = net.nodes.find((x) => x.code === n.id());
    list.appendChild(
      el(
        'li',
        {},
        el(
          'a',
          { href: hashFor('actor', [n.id()]), 'data-x': p.x.toFixed(0), 'data-y': p.y.toFixed(0) },
          el('bdi', { class: 'code' }, n.id()),
          s?.name ? ' ' : null,
          s?.name ? el('bdi', { class: 'muted' }, s.name) : null,
          ` (${s?.events ?? 0})`,
        ),
      ),
    );
  });
  ctx.root.appendChild(el('details', {}, el('summary', {}, t('actorsList')), list));
}
