/**
 * The dashboard's entry: navigation, language switch and the hash router. Views that need large
 * libraries (network, map) are loaded with `import()` when first opened.
 */
import './style.css';
import { errorBox } from './components.js';
import { clear, el } from './dom.js';
import { applyLang, type Key, t, toggleLang } from './i18n.js';
import { parseHash, type Route } from './router.js';
import type { View, ViewContext } from './view.js';
import { overviewView } from './views/overview.js';

const views: Record<string, () => Promise<View>> = {
  '': async () => overviewView,
  relation: async () => (await import('./views/relation.js')).relationView,
  actor: async () => (await import('./views/actor.js')).actorView,
  network: async () => (await import('./views/network.js')).networkView,
  map: async () => (await import('./views/map.js')).mapView,
  article: async () => (await import('./views/article.js')).articleView,
  try: async () => (await import('./views/try.js')).tryView,
};

const NAV: Array<[string, Key, string]> = [
  ['#/', 'navOverview', ''],
  ['#/relation', 'navRelation', 'relation'],
  ['#/network', 'navNetwork', 'network'],
  ['#/map', 'navMap', 'map'],
  ['#/try', 'navTry', 'try'],
];

const app = document.getElementById('app')!;
const nav = document.getElementById('nav')!;
const langButton = document.getElementById('lang-switch') as HTMLButtonElement;
const brand = document.getElementById('brand')!;

function drawChrome(route: Route): void {
  brand.textContent = t('brand');
  langButton.textContent = t('switchTo');
  clear(nav);
  for (const [href, key, name] of NAV) {
    const a = el('a', { href, class: route.name === name ? 'active' : null }, t(key));
    nav.appendChild(a);
  }
}

const cleanups: Array<() => void> = [];
let generation = 0;

async function render(): Promise<void> {
  for (const fn of cleanups.splice(0)) {
    try {
      fn();
    } catch {
      // a failing cleanup must not block the next view
    }
  }
  const gen = ++generation;
  const route = parseHash(location.hash);
  drawChrome(route);
  clear(app);
  const viewName = route.name || 'overview';
  app.setAttribute('data-view', viewName);
  app.setAttribute('data-hash', location.hash);
  app.removeAttribute('data-ready');
  const ctx: ViewContext = {
    root: app,
    route,
    onCleanup: (fn) => {
      if (gen === generation) cleanups.push(fn);
      else fn();
    },
    alive: () => gen === generation,
  };
  try {
    const load = views[route.name];
    if (!load) {
      app.appendChild(el('p', { class: 'status' }, t('notFound')));
      return;
    }
    const view = await load();
    if (!ctx.alive()) return;
    await view(ctx);
  } catch (err) {
    if (ctx.alive()) app.appendChild(errorBox(err));
  } finally {
    // `data-ready` names the view once it is drawn (tests and the first-load benchmark wait for it)
    if (ctx.alive()) app.setAttribute('data-ready', viewName);
  }
}

langButton.addEventListener('click', () => {
  toggleLang();
  void render();
});
window.addEventListener('hashchange', () => void render());
applyLang();
void render();
