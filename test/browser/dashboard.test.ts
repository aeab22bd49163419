/**
 * Browser tests of the dashboard (web/): a headless Debian Chromium (installed by
 * scripts/ensure-chromium.sh when missing) against `startServer` on a temporary SQLite store holding
 * the project's examples, the seed article (read from ../shared at test time) and an article whose
 * text, title, outlet and URL carry markup. The built dashboard (dist/web) is used; it is built
 * here when missing. Screenshots go to test-artifacts/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../bench/chromium.js';
import type { ArticleView, ExtractResult } from '../../src/server/api-types.js';
import type { RunningServer } from '../../src/server/serve.js';
import type { EventPage, Overview, StoredEvent } from '../../src/store/types.js';
import type { InputDocument } from '../../src/types.js';
import { haveSeed, REPO, SEED_PATH, SEED_PUBLISHED } from '../fixtures/checks.js';

const DIST = join(REPO, 'dist', 'web');
const SHOTS = join(REPO, 'test-artifacts', 'screenshots');
const SEED_ID = 'seed-000';
const XSS_ID = 'xss-markup';

/** Runs scripts/ensure-chromium.sh; the reason Chromium is unavailable, or null when it is there. */
function chromiumProblem(): string | null {
  if (existsSync(CHROMIUM)) return null;
  try {
    execFileSync('sh', [join(REPO, 'scripts', 'ensure-chromium.sh')], { stdio: 'pipe', timeout: 600_000 });
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    return (err.stderr?.toString().trim() || err.message).slice(0, 300);
  }
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is still missing after scripts/ensure-chromium.sh`;
}

const problem = chromiumProblem();
if (problem) console.warn(`dashboard browser tests skipped: ${problem}`);

/** An article whose every field carries markup that must stay inert text. */
const XSS_TEXT =
  'استقبل الرئيس الروسي فلاديمير بوتين وزير الخارجية السوري أسعد الشيباني في موسكو يوم الخميس. ' +
  '<script>window.__rasadPwned = "script"</script> ' +
  'وقال الكرملين <img src=x onerror="window.__rasadPwned = \'img\'"> إن المحادثات تناولت التعاون الثنائي.\n' +
  '<b onmouseover="window.__rasadPwned=\'b\'">نص عريض</b> &lt;i&gt; &amp;';
const XSS_DOC: InputDocument = {
  id: XSS_ID,
  text: XSS_TEXT,
  published: '2025-12-26',
  title: 'عنوان <img src=x onerror="window.__rasadPwned=\'title\'">',
  source: '<script>window.__rasadPwned="source"</script>',
  url: 'javascript:window.__rasadPwned="url"',
};

function examples(): InputDocument[] {
  return readFileSync(join(REPO, 'examples', 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as InputDocument);
}

const seedText = haveSeed ? readFileSync(SEED_PATH, 'utf8') : '';

const SEED_NOTE = haveSeed ? '' : ` (skipped: ${SEED_PATH} is absent)`;

describe.skipIf(problem !== null)(`dashboard in Chromium${problem ? ` (skipped: ${problem})` : ''}`, () => {
  let tmp = '';
  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  let base = '';
  const pageErrors: string[] = [];

  async function json<T>(path: string): Promise<T> {
    const res = await fetch(`${base}${path}`);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }

  async function open(hash: string, opts: { lang?: 'ar' | 'en' } = {}): Promise<Page> {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(`${hash}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`${hash}: ${m.text()}`);
    });
    if (opts.lang === 'en') await page.addInitScript("localStorage.setItem('rasad.lang', 'en')");
    await page.goto(`${base}/${hash}`);
    await ready(page);
    return page;
  }

  /** Wait until the view of the current hash is drawn (main.ts sets `data-ready` and `data-hash`). */
  async function ready(page: Page): Promise<void> {
    const app = page.locator('#app');
    await expect
      .poll(
        async () => {
          const [done, drawn] = await Promise.all([
            app.getAttribute('data-ready'),
            app.getAttribute('data-hash'),
          ]);
          return done !== null && drawn === new URL(page.url()).hash;
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe(true);
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    if (!existsSync(join(DIST, 'index.html')))
      execFileSync(join(REPO, 'node_modules', '.bin', 'vite'), ['build', '--config', 'web/vite.config.ts'], {
        cwd: REPO,
        stdio: 'pipe',
      });
    const { openStore } = await import('../../src/store/open.js');
    const { ingestDocuments } = await import('../../src/store/ingest.js');
    const { startServer } = await import('../../src/server/serve.js');
    tmp = mkdtempSync(join(tmpdir(), 'rasad-dashboard-'));
    const store = await openStore(join(tmp, 'rasad.db'));
    const docs = [...examples(), XSS_DOC];
    if (haveSeed) docs.push({ id: SEED_ID, text: seedText, published: SEED_PUBLISHED, title: 'seed' });
    await ingestDocuments(store, docs);
    server = await startServer({ store, port: 0, host: '127.0.0.1', token: null, staticDir: DIST });
    base = server.url;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
    });
  });

  afterAll(async () => {
    await browser?.close();
    const store = server?.store;
    await server?.close();
    await store?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('the overview shows the counts, the monthly chart and the most active actors and pairs', async () => {
    const overview = await json<Overview>('/api/overview?top=15');
    expect(overview.events).toBeGreaterThan(0);
    const page = await open('#/');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.locator('#overview-chart svg, #overview-chart canvas').first().waitFor();
    expect(await page.locator('#overview-chart svg path').count()).toBeGreaterThan(0);
    const actors = page.locator('#top-actors li');
    expect(await actors.count()).toBe(overview.actors.length);
    expect(await actors.count()).toBeGreaterThan(0);
    expect(await actors.first().locator('.code').textContent()).toBe(overview.actors[0]!.code);
    expect(await page.locator('#top-pairs li').count()).toBe(overview.pairs.length);
    expect(await page.locator('[data-stat="events"] strong').textContent()).toBe(
      overview.events.toLocaleString('ar-EG'),
    );
    await shot(page, 'overview-ar');
    // a pair is a link to its relation view
    await page.locator('#top-pairs li a').first().click();
    await page.waitForURL(/#\/relation\/[^/]+\/[^/]+/);
    await ready(page);
    await page.close();
  });

  it.skipIf(!haveSeed)(
    `the relation view for SYR–RUS lists the seed article’s events${SEED_NOTE}`,
    async () => {
      const seedEvents = await json<EventPage>(`/api/events?pair=SYR,RUS&article=${SEED_ID}&limit=500`);
      expect(seedEvents.total, 'the seed article has SYR–RUS events').toBeGreaterThan(0);
      const all = await json<EventPage>('/api/events?pair=SYR,RUS&limit=50');
      const onFirstPage = seedEvents.events.filter((e) => all.events.some((x) => x.id === e.id));
      expect(onFirstPage.length).toBeGreaterThan(0);
      const page = await open('#/relation/SYR/RUS');
      await page.locator('#relation-chart svg').waitFor();
      const shown = await page
        .locator('#relation-events tr.event-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event')));
      expect(shown).toEqual(all.events.map((e) => e.id));
      for (const e of onFirstPage) expect(shown).toContain(e.id);
      expect(await page.locator('input[name="a"]').inputValue()).toBe('SYR');
      expect(await page.locator('input[name="b"]').inputValue()).toBe('RUS');
      await shot(page, 'relation-SYR-RUS');

      // a filter narrows the list and lands in the hash
      await page.locator('select[name="quad"]').selectOption('1');
      await page.locator('#relation-form button[type="submit"]').click();
      await page.waitForURL(/quad=1/);
      await ready(page);
      const q1 = await json<EventPage>('/api/events?pair=SYR,RUS&quad=1&limit=50');
      const quads = await page
        .locator('#relation-events tr.event-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-quad')));
      expect(quads.length).toBe(q1.events.length);
      expect(new Set(quads)).toEqual(new Set(q1.events.length ? ['1'] : []));
      await page.close();
    },
  );

  it.skipIf(!haveSeed)(
    'clicking an event opens its article with the trigger marked at its offsets',
    async () => {
      const seedEvents = await json<EventPage>(`/api/events?pair=SYR,RUS&article=${SEED_ID}&limit=50`);
      const ev = seedEvents.events.find((e: StoredEvent) => e.first_article === SEED_ID);
      expect(ev, 'an SYR–RUS event first reported by the seed article').toBeDefined();
      const page = await open('#/relation/SYR/RUS');
      await page.locator(`#relation-events tr.event-row[data-event="${ev!.id}"] td.trigger`).click();
      await page.waitForURL(new RegExp(`#/article/${SEED_ID}\\?m=`));
      await ready(page);
      const mentionId = new URL(page.url().replace('#', '')).searchParams.get('m');
      const view = await json<ArticleView>(`/api/articles/${SEED_ID}`);
      const mention = view.mentions.find((m) => m.id === mentionId);
      expect(mention?.event).toBe(ev!.id);
      const mark = page.locator('#article-body mark[data-focus]');
      await mark.waitFor();
      expect(await mark.getAttribute('data-focus')).toBe(mentionId);
      expect(await mark.textContent()).toBe(view.article.text.slice(mention!.start, mention!.end));
      expect(await mark.getAttribute('data-start')).toBe(String(mention!.start));
      expect(await mark.getAttribute('data-end')).toBe(String(mention!.end));
      expect(await mark.isVisible()).toBe(true);
      // the marked body is exactly the article text, every trigger is marked
      expect(await page.locator('#article-body').textContent()).toBe(view.article.text);
      const triggerIds = await page
        .locator('#article-body mark.hl-trigger')
        .evaluateAll((ms) => ms.flatMap((m) => (m.getAttribute('data-ids') ?? '').split(' ')));
      expect(new Set(triggerIds)).toEqual(new Set(view.mentions.map((m) => m.id)));
      expect(await page.locator('#article-body mark.hl-actor').count()).toBeGreaterThan(0);
      // the details panel shows the mention's record
      await page.locator(`#event-details dl[data-mention="${mentionId}"]`).waitFor();
      expect(await page.locator('#event-details').textContent()).toContain(mention!.record.code);
      await shot(page, 'article-seed');

      // clicking another trigger shows its event
      const other = view.mentions.find((m) => m.id !== mentionId && m.start !== mention!.start);
      if (other) {
        await page.locator(`#article-body mark.hl-trigger[data-start="${other.start}"]`).first().click();
        await page.locator('#event-details dl[data-mention]').waitFor();
        expect(await page.locator('#event-details').textContent()).toContain(other.record.code);
      }
      await page.close();
    },
  );

  it.skipIf(!haveSeed)(
    '“Try it” extracts the seed text and shows events beside the marked text',
    async () => {
      const res = await fetch(`${base}/api/extract`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: seedText, published: SEED_PUBLISHED }),
      });
      const expected = (await res.json()) as ExtractResult;
      expect(expected.events.length).toBeGreaterThan(0);
      const page = await open('#/try');
      await page.locator('#try-text').fill(seedText);
      await page.locator('input[name="published"]').fill(SEED_PUBLISHED);
      await page.locator('#try-form button[type="submit"]').click();
      await page.locator('#try-result[data-ready="true"]').waitFor({ timeout: 30_000 });
      const rows = page.locator('#try-result tr.event-row');
      expect(await rows.count()).toBe(expected.events.length);
      expect(await page.locator('#try-body').textContent()).toBe(seedText);
      const first = expected.events[0]!;
      await rows.first().click();
      const mark = page.locator('#try-body mark.hl-trigger.focus');
      expect(await mark.textContent()).toBe(seedText.slice(first.trigger.start, first.trigger.end));
      await shot(page, 'try-seed');
      await page.close();
    },
  );

  it('markup in an article renders as inert text: no script runs, no img is created', async () => {
    const page = await open(`#/article/${XSS_ID}`);
    await page.locator('#article-body').waitFor();
    expect(await page.locator('#article-body').textContent()).toBe(XSS_TEXT);
    expect(await page.locator('#article-body').textContent()).toContain('<script>');
    expect(await page.locator('h1').textContent()).toBe(XSS_DOC.title);
    expect(await page.locator('.meta').textContent()).toContain(XSS_DOC.source);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main script, main b').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.locator('#article-body').hover();
    expect(await page.evaluate('typeof window.__rasadPwned')).toBe('undefined');
    await shot(page, 'article-markup-inert');

    // the same text through "Try it"
    await page.goto(`${base}/#/try`);
    await ready(page);
    await page.locator('#try-text').fill(XSS_TEXT);
    await page.locator('#try-form button[type="submit"]').click();
    await page.locator('#try-result[data-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#try-body').textContent()).toBe(XSS_TEXT);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate('typeof window.__rasadPwned')).toBe('undefined');
    await page.close();
  });

  it('the English switch flips the direction and is remembered', async () => {
    const page = await open('#/');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const arNav = await page.locator('#nav').textContent();
    await page.locator('#lang-switch').click();
    await ready(page);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#nav').textContent()).not.toBe(arNav);
    expect(await page.locator('#nav').textContent()).toContain('Overview');
    await page.reload();
    await ready(page);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.locator('#overview-chart svg').waitFor();
    await shot(page, 'overview-en');
    await page.locator('#lang-switch').click();
    await ready(page);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.close();
  });

  it('the network draws a graph and a click on a node opens the actor', async () => {
    const page = await open('#/network');
    const canvas = page.locator('#network-graph canvas');
    await canvas.first().waitFor();
    expect(await canvas.count()).toBeGreaterThan(0);
    await shot(page, 'network');
    // click the largest node where Cytoscape drew it
    const first = page.locator('#network-nodes a').first();
    const x = Number(await first.getAttribute('data-x'));
    const y = Number(await first.getAttribute('data-y'));
    const code = (await first.locator('.code').textContent())!;
    await page.locator('#network-graph').click({ position: { x, y } });
    await page.waitForURL(new RegExp(`#/actor/${code}$`));
    await ready(page);
    expect(await page.locator('.profile').textContent()).toContain(code);
    await page.close();
  });

  it('the map shades countries, draws places and lists the events of a clicked place', async () => {
    const page = await open('#/map');
    expect(await page.locator('#map svg path.country').count()).toBeGreaterThan(150);
    const circles = page.locator('#map circle.place');
    expect(await circles.count()).toBeGreaterThan(0);
    const name = await circles.first().getAttribute('data-place');
    await shot(page, 'map');
    await circles.first().dispatchEvent('click');
    await page.waitForURL(/place=/);
    await ready(page);
    const expected = await json<EventPage>(`/api/events?place=${encodeURIComponent(name!)}&limit=50`);
    expect(await page.locator('#map-events tr.event-row').count()).toBe(expected.events.length);
    expect(expected.events.length).toBeGreaterThan(0);
    await page.close();
  });

  it('the actor view shows the profile, partners and recent events', async () => {
    const page = await open('#/actor/SYR');
    expect(await page.locator('.profile').textContent()).toContain('SYR');
    expect(await page.locator('table.partners tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('tr.event-row').count()).toBeGreaterThan(0);
    await shot(page, 'actor-SYR');
    await page.close();
  });

  it('no page error or CSP violation was reported', () => {
    expect(pageErrors).toEqual([]);
  });
});
