/**
 * Map (`#/map?place=NAME|country=XXX&from&to&quad&modality`): world-atlas countries (bundled,
 * converted with topojson-client) drawn as SVG with d3-geo; countries shaded by the number of
 * events placed in them, places as circles sized by count. A click lists the events of that place
 * or country under the map.
 */
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { PlaceCount } from '../../../src/store/types.js';
import { api } from '../api.js';
import {
  errorBox,
  eventTable,
  fill,
  filterFields,
  fmtNumber,
  formValues,
  loading,
  pager,
  readFilters,
  section,
  storedRow,
} from '../components.js';
import { el, svg } from '../dom.js';
import { t } from '../i18n.js';
import { ISO_NUMERIC_TO_ALPHA3, NAME_TO_ALPHA3 } from '../iso-numeric.js';
import { hashFor, navigate } from '../router.js';
import type { ViewContext } from '../view.js';

const W = 960;
const H = 480;
const LIMIT = 50;

type Country = Feature<Geometry, { name: string }>;

function countries(): Country[] {
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return feature(topo, topo.objects.countries).features as Country[];
}

function alpha3(c: Country): string | null {
  const id = c.id === undefined ? '' : String(c.id);
  return ISO_NUMERIC_TO_ALPHA3[id] ?? NAME_TO_ALPHA3[c.properties.name] ?? null;
}

/** Light to dark blue by the share of the largest count (log scale). */
function shade(n: number, max: number): string {
  if (n <= 0) return '#eceff1';
  const x = Math.log1p(n) / Math.log1p(max);
  const l = 88 - 50 * x;
  return `hsl(210, 60%, ${l.toFixed(0)}%)`;
}

export async function mapView(ctx: ViewContext): Promise<void> {
  const q = ctx.route.query;
  const f = readFilters(q);
  const place = q.get('place') ?? '';
  const country = q.get('country') ?? '';
  const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
  const base = { from: f.from, to: f.to, quad: f.quad, modality: f.modality };

  const form = el(
    'form',
    { class: 'filters' },
    ...filterFields(f),
    el('button', { type: 'submit' }, t('show')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    navigate(
      hashFor('map', [], { from: v.from, to: v.to, quad: v.quad, modality: v.modality, place, country }),
    );
  });
  const mapBox = el('div', { class: 'map', id: 'map' }, loading());
  const listBox = el('div', { id: 'map-events' });
  ctx.root.append(form, el('p', { class: 'hint' }, t('mapHint')), mapBox, listBox);

  const { places } = await api.places(base);
  if (!ctx.alive()) return;
  const byCountry = new Map<string, number>();
  for (const p of places) if (p.country) byCountry.set(p.country, (byCountry.get(p.country) ?? 0) + p.events);
  const maxCountry = Math.max(1, ...byCountry.values());
  const maxPlace = Math.max(1, ...places.map((p) => p.events));

  const features = countries();
  const projection = geoNaturalEarth1().fitSize([W, H], { type: 'FeatureCollection', features });
  const path = geoPath(projection);
  const go = (sel: { place?: string; country?: string }) =>
    navigate(hashFor('map', [], { ...base, place: sel.place ?? null, country: sel.country ?? null }));

  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('navMap'), dir: 'ltr' });
  const land = svg('g', { class: 'countries' });
  for (const c of features) {
    const code = alpha3(c);
    const n = code ? (byCountry.get(code) ?? 0) : 0;
    const d = path(c);
    if (!d) continue;
    const node = svg(
      'path',
      {
        d,
        fill: shade(n, maxCountry),
        class: code && code === country ? 'country selected' : 'country',
        'data-country': code,
      },
      svg('title', {}, `${c.properties.name}${code ? ` (${code})` : ''}: ${fmtNumber(n)}`),
    );
    if (code) node.addEventListener('click', () => go({ country: code }));
    land.appendChild(node);
  }
  const dots = svg('g', { class: 'places' });
  const located = places.filter(
    (p): p is PlaceCount & { lat: number; lon: number } => p.lat !== null && p.lon !== null,
  );
  for (const p of located.sort((a, b) => b.events - a.events)) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const circle = svg(
      'circle',
      {
        cx: xy[0].toFixed(1),
        cy: xy[1].toFixed(1),
        r: (3 + 14 * Math.sqrt(p.events / maxPlace)).toFixed(1),
        class: p.name === place ? 'place selected' : 'place',
        'data-place': p.name,
      },
      svg('title', {}, `${p.name_ar} · ${p.name}: ${fmtNumber(p.events)}`),
    );
    circle.addEventListener('click', () => go({ place: p.name }));
    dots.appendChild(circle);
  }
  root.append(land, dots);
  fill(mapBox, root);

  if (!place && !country) return;
  const label = place || country;
  fill(listBox, loading());
  try {
    const page = await api.events({
      ...base,
      place: place || null,
      country: place ? null : country,
      limit: LIMIT,
      offset,
    });
    if (!ctx.alive()) return;
    fill(
      listBox,
      section(
        `${t('eventsAt')} ${label}`,
        eventTable(page.events.map((ev) => storedRow(ev))),
        page.total > page.limit
          ? pager(page.total, page.limit, page.offset, (o) =>
              navigate(hashFor('map', [], { ...base, place, country, offset: o ? String(o) : null })),
            )
          : null,
      ),
    );
  } catch (err) {
    fill(listBox, errorBox(err));
  }
}
