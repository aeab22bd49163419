/**
 * HTML news pages → input documents: the article body found by @mozilla/readability over a
 * jsdom document (page scripts never run, no resources are loaded), as plain text with one
 * paragraph per line, plus title, publication date, source and URL from the page metadata.
 */

import { createHash } from 'node:crypto';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { RasadError } from '../errors.js';
import { normalize } from '../text/normalize.js';
import { MONTHS, MONTHS2 } from '../time/months.js';
import type { InputDocument } from '../types.js';
import { hostOf } from './host.js';

export interface HtmlOptions {
  /** The page's address: resolves relative links, gives `url`, `source` and the id. */
  url?: string;
  /** Document id; by default a hash of the URL, or of the text when there is no URL. */
  id?: string;
  /** Names the input in error messages (a file or URL); defaults to `url`. */
  name?: string;
}

/** A stable 16-hex-digit id for a URL or a text. */
export function stableId(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 16);
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
]);

const SKIP_TAGS = new Set([
  'AUDIO',
  'BUTTON',
  'CANVAS',
  'EMBED',
  'FIGCAPTION',
  'IFRAME',
  'INPUT',
  'LABEL',
  'MATH',
  'NOSCRIPT',
  'OBJECT',
  'SCRIPT',
  'SELECT',
  'STYLE',
  'SVG',
  'TEMPLATE',
  'TEXTAREA',
  'VIDEO',
]);

/** "Read also" / "watch also" lines that sites put between paragraphs. */
const READ_ALSO = /^\s*(?:[إا]قر[أا]|طالع|شاهد|تابع|اطلع)\s+(?:أيضا|أيضًا|أيضاً|ايضا|المزيد)(?!\p{L})/u;

/** The footer WordPress appends to feed content. */
const FEED_FOOTER = /^The post .+ appeared first on .+\.?$/;

const LETTER = /[\p{L}\p{N}]/gu;
const countLetters = (s: string): number => s.match(LETTER)?.length ?? 0;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

/**
 * Plain text of an element: one line per block (paragraph, heading, list item, `<br>`),
 * whitespace inside a line collapsed to one space, empty lines dropped. Lines made only of
 * links (related-article lists) and "read also" lines are left out.
 */
export function elementText(root: Node): string {
  const lines: string[] = [];
  let buf = '';
  let linked = 0;
  const flush = (): void => {
    const line = buf.replace(/\s+/g, ' ').trim();
    const letters = countLetters(buf);
    const linkedShare = letters > 0 ? linked / letters : 0;
    if (letters > 0 && linkedShare < 0.9 && !READ_ALSO.test(line) && !FEED_FOOTER.test(line))
      lines.push(line);
    buf = '';
    linked = 0;
  };
  const walk = (node: Node, inLink: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const t = node.nodeValue ?? '';
      buf += t;
      if (inLink) linked += countLetters(t);
      return;
    }
    if (node.nodeType === DOCUMENT_NODE || node.nodeType === FRAGMENT_NODE) {
      for (let c = node.firstChild; c; c = c.nextSibling) walk(c, inLink);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    else if (tag === 'TD' || tag === 'TH') buf += ' ';
    const link = inLink || tag === 'A';
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c, link);
    if (block) flush();
  };
  walk(root, false);
  flush();
  return lines.join('\n');
}

/** Plain text of an HTML fragment (feed content, a title with markup). */
export function htmlFragmentToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const frag = JSDOM.fragment(`<div>${html}</div>`);
  return elementText(frag);
}

const EN_MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ZONES: Record<string, string> = {
  Z: 'Z',
  UT: 'Z',
  UTC: 'Z',
  GMT: 'Z',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function zone(z: string | undefined): string {
  if (!z) return '';
  const named = ZONES[z.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  return m ? `${m[1]}${m[2]}:${m[3]}` : '';
}

function ymdTime(
  y: number,
  mo: number,
  d: number,
  h?: string,
  mi?: string,
  s?: string,
  z?: string,
): string | null {
  if (!validYmd(y, mo, d)) return null;
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined) return date;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 60) return date;
  return `${date}T${pad(Number(h))}:${mi}:${s ?? '00'}${zone(z)}`;
}

const toAsciiDigits = (s: string): string =>
  s
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06f0));

/** Gregorian month of an Arabic month name (one or two words: `مارس`, `آذار`, `كانون الثاني`). */
function arabicMonth(words: string[]): number | null {
  const stems = words.map((w) => normalize(w).replace(/^ال/, ''));
  for (let i = 0; i < stems.length; i++) {
    const two = MONTHS2.get(stems[i] ?? '')?.get(stems[i + 1] ?? '');
    if (two?.cal === 'g') return two.month;
    const one = MONTHS.get(stems[i] ?? '');
    if (one?.cal === 'g') return one.month;
  }
  return null;
}

/** The first date written in a text: ISO, `DD/MM/YYYY`, `YYYY/MM/DD` or `5 آذار (مارس) 2024`. */
export function dateInText(raw: string): string | null {
  const s = toAsciiDigits(raw);
  let m = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(s);
  if (m) return ymdTime(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/.exec(s);
  if (m) return ymdTime(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/.exec(s);
  if (m) return ymdTime(Number(m[1]), Number(m[2]), Number(m[3]));
  const re = /(?<!\d)(\d{1,2})\s+((?:\p{L}+[\s()/،,-]*){1,4}?)(\d{4})(?!\d)/gu;
  for (const a of s.matchAll(re)) {
    const month = arabicMonth((a[2] ?? '').split(/[^\p{L}]+/u).filter(Boolean));
    if (month) return ymdTime(Number(a[3]), month, Number(a[1]));
  }
  return null;
}

/**
 * A date as found in page or feed metadata → `YYYY-MM-DD` or full ISO-8601 (keeping the
 * local time and offset, so the date part is the publisher's day), null when unreadable.
 * Reads ISO-8601, `YYYY/MM/DD`, day-first `DD/MM/YYYY`, RFC 822 (RSS) and Arabic-Indic digits.
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const s = toAsciiDigits(raw).trim();
  if (!s) return null;
  let m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      s,
    );
  if (m) return ymdTime(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6], m[7]);
  m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?)?$/.exec(s);
  if (m) return ymdTime(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6], m[7]);
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  if (m) return ymdTime(Number(m[1]), Number(m[2]), Number(m[3]), m[4]?.padStart(2, '0'), m[5], m[6]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  if (m) return ymdTime(Number(m[3]), Number(m[2]), Number(m[1]), m[4]?.padStart(2, '0'), m[5], m[6]);
  m =
    /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{4}|[a-z]{1,5})?\s*$/i.exec(
      s,
    );
  if (m) {
    const mo = EN_MONTHS[(m[2] ?? '').toLowerCase()];
    let y = Number(m[3]);
    if ((m[3] ?? '').length === 2) y += y < 50 ? 2000 : 1900;
    if (mo) return ymdTime(y, mo, Number(m[1]), m[4]?.padStart(2, '0'), m[5], m[6], m[7]);
  }
  m = /^(?:[a-z]{3,9},?\s+)?([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(s);
  if (m) {
    const mo = EN_MONTHS[(m[1] ?? '').toLowerCase()];
    if (mo) return ymdTime(Number(m[3]), mo, Number(m[2]));
  }
  // `الثلاثاء 5 مارس 2024`
  return /\p{Script=Arabic}/u.test(s) ? dateInText(s) : null;
}

/** Metadata read from the page before readability rewrites it. */
interface PageMeta {
  title: string | null;
  published: string | null;
  siteName: string | null;
  url: string | null;
}

function metaMap(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content.trim());
    }
  }
  return out;
}

/** Objects of the page's JSON-LD blocks, `@graph` members included. */
function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // malformed JSON-LD is common; the other metadata still count
    }
  }
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

function absoluteUrl(href: string | null | undefined, base: string | undefined): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const canonicalHref = (doc: Document): string | null | undefined =>
  doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');

/**
 * A date written in the article's own date line: `<time>` or an element whose class or id says
 * date, inside the `<article>` or around the `<h1>` (not the site header's "today").
 */
function dateNearHeadline(doc: Document): string | null {
  const h1 = doc.querySelector('h1');
  const grand = h1?.parentElement?.parentElement;
  const scopes = [doc.querySelector('article'), h1?.parentElement, grand === doc.body ? null : grand];
  for (const scope of scopes) {
    if (!scope) continue;
    const els = scope.querySelectorAll('time, [class*="date" i], [id*="date" i], [class*="publish" i]');
    for (const el of Array.from(els).slice(0, 8)) {
      const d = dateInText((el.textContent ?? '').slice(0, 200));
      if (d) return d;
    }
  }
  return null;
}

function readMeta(doc: Document, base: string | undefined): PageMeta {
  const meta = metaMap(doc);
  const ld = jsonLdObjects(doc);
  const article = ld.find((o) => str(o.datePublished) !== null) ?? ld.find((o) => str(o.headline) !== null);
  const publisher = article?.publisher as Record<string, unknown> | undefined;

  const dateCandidates: (string | null | undefined)[] = [
    meta.get('article:published_time'),
    meta.get('og:published_time'),
    meta.get('datepublished'),
    str(article?.datePublished),
    doc.querySelector('time[pubdate]')?.getAttribute('datetime'),
    doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime'),
    meta.get('pubdate'),
    meta.get('publishdate'),
    meta.get('publish-date'),
    meta.get('publish_date'),
    meta.get('dc.date.issued'),
    meta.get('dc.date'),
    meta.get('dcterms.issued'),
    meta.get('dcterms.date'),
    meta.get('dcterms.created'),
    meta.get('date'),
    meta.get('parsely-pub-date'),
    meta.get('sailthru.date'),
    doc.querySelector('article time[datetime]')?.getAttribute('datetime'),
  ];
  let published: string | null = null;
  for (const c of dateCandidates) {
    published = normalizeDate(c);
    if (published) break;
  }
  // weaker evidence: the URL path, any <time> (may be a header clock), the article's date line
  if (!published) published = dateFromUrl(absoluteUrl(canonicalHref(doc), base) ?? base ?? null);
  if (!published) published = normalizeDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (!published) published = dateNearHeadline(doc);

  const canonical = canonicalHref(doc);
  return {
    title: meta.get('og:title') ?? meta.get('twitter:title') ?? str(article?.headline) ?? null,
    published,
    siteName: meta.get('og:site_name') ?? str(publisher?.name) ?? meta.get('application-name') ?? null,
    url: absoluteUrl(canonical, base) ?? absoluteUrl(meta.get('og:url'), base),
  };
}

/** A `/YYYY/MM/DD/` date in a URL's path, as many news sites write it. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/_-]|$)/.exec(path);
  return m ? ymdTime(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Class or id tokens of page furniture: sidebars, related lists, share bars, ads, menus, polls, date lines. */
const FURNITURE =
  /(?:^|[-_\s])(?:side|sidebar|aside|related|more-?news|most-?(?:read|viewed|popular)|popular|widget|share|sharing|social|comments?|tags|breadcrumbs?|newsletter|subscribe|poll|ads?|advert\w*|banner|promo\w*|sponsor\w*|ticker|breaking|tools|print|footer|menu|navbar|nav|date|dateline|timestamp|byline|author|meta)(?=$|[-_\s])/i;

/** Inline elements (and paragraphs): their text is counted for the block that holds them. */
const INLINE_OR_P = new Set([
  'A',
  'ABBR',
  'B',
  'BR',
  'CITE',
  'EM',
  'FONT',
  'I',
  'MARK',
  'P',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'U',
]);

/** The element holding the most running text (in paragraphs or between `<br>`s). */
function mainTextBlock(doc: Document, body: Element): Element | null {
  const count = new Map<Element, number>();
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let el = n.parentElement;
    if (!el || SKIP_TAGS.has(el.tagName)) continue;
    while (el.parentElement && el !== body && INLINE_OR_P.has(el.tagName)) el = el.parentElement;
    const letters = countLetters(n.nodeValue ?? '');
    if (letters > 0) count.set(el, (count.get(el) ?? 0) + letters);
  }
  let main: Element | null = null;
  let best = 0;
  for (const [el, n] of count) {
    if (n > best) {
      best = n;
      main = el;
    }
  }
  return main;
}

/**
 * Remove page furniture before readability scores the page: `nav`, `aside`, `footer` and
 * elements whose class or id names furniture, unless they hold the article (the block with the
 * most running text, an `<article>`, an `<h1>` or `articleBody`) or most of the page's text.
 */
function stripFurniture(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const main = mainTextBlock(doc, body);
  const total = countLetters(body.textContent ?? '');
  for (const el of Array.from(body.querySelectorAll('nav, aside, footer, [class], [id]'))) {
    if (!el.isConnected) continue;
    const tag = el.tagName;
    const named = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (tag !== 'NAV' && tag !== 'ASIDE' && tag !== 'FOOTER' && !FURNITURE.test(named)) continue;
    if (main && el.contains(main)) continue;
    if (el.querySelector('article, h1, [itemprop="articleBody"]') || el.matches('article')) continue;
    if (countLetters(el.textContent ?? '') > 0.4 * total) continue;
    el.remove();
  }
}

function validBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

const clean = (s: string | null | undefined): string | null => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/**
 * Turn an HTML page into an input document. Throws `RasadError('NO_ARTICLE_TEXT')` naming
 * the input when the page holds no article text.
 */
export function htmlToDocument(html: string, opts: HtmlOptions = {}): InputDocument {
  const base = validBase(opts.url);
  const name = opts.name ?? opts.url ?? 'HTML page';
  const dom = new JSDOM(html, {
    ...(base ? { url: base } : {}),
    contentType: 'text/html',
    virtualConsole: new VirtualConsole(),
  });
  const doc = dom.window.document;
  try {
    const meta = readMeta(doc, base);
    const pageTitle = clean(doc.title);
    stripFurniture(doc);
    const parsed = new Readability<Node>(doc, { serializer: (n) => n }).parse();
    const title = clean(meta.title) ?? clean(parsed?.title) ?? pageTitle;
    let text = parsed?.content ? elementText(parsed.content) : '';
    // the headline is the title, not a line of the body
    const firstBreak = text.indexOf('\n');
    const first = firstBreak < 0 ? text : text.slice(0, firstBreak);
    if (firstBreak > 0 && (first === title || first === clean(parsed?.title) || first === pageTitle)) {
      text = text.slice(firstBreak + 1);
    }
    if (!/[\p{L}\p{N}]/u.test(text)) {
      throw new RasadError(
        'NO_ARTICLE_TEXT',
        `${name}: no article text found; expected an HTML page with the article body in paragraphs`,
      );
    }
    const url = meta.url ?? base ?? null;
    const published = meta.published ?? normalizeDate(parsed?.publishedTime);
    return {
      id: opts.id ?? stableId(url ?? text),
      text,
      published,
      title,
      url,
      source: clean(meta.siteName) ?? clean(parsed?.siteName) ?? hostOf(url),
    };
  } finally {
    dom.window.close();
  }
}
