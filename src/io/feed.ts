/**
 * News feeds (RSS 2.0, RSS 1.0/RDF, Atom) → feed items → input documents. An item's full text
 * comes from `content:encoded` / Atom `content` when it is long enough, otherwise from its page,
 * fetched with an injected `fetchPage` and read by html.ts. One bad item is reported and the
 * rest goes on.
 */

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RasadError } from '../errors.js';
import type { InputDocument } from '../types.js';
import { hostOf } from './host.js';
import { htmlFragmentToText, htmlToDocument, normalizeDate, stableId } from './html.js';
import type { ReadItem } from './read.js';

export interface FeedItem {
  /** Absolute URL of the item's page (resolved against the feed), null when the item has none. */
  url: string | null;
  /** RSS `guid` / Atom `id`, null when absent. */
  guid: string | null;
  /** Plain text. */
  title: string | null;
  /** `YYYY-MM-DD` or full ISO-8601, null when absent or unreadable. */
  published: string | null;
  /** Plain text of the description / Atom summary, one paragraph per line. */
  summary: string | null;
  /** HTML of the full text (`content:encoded`, Atom `content`), null when absent. */
  content: string | null;
}

export interface Feed {
  kind: 'rss' | 'rdf' | 'atom';
  /** Plain text title of the feed (usually the site's name). */
  title: string | null;
  link: string | null;
  items: FeedItem[];
  /** Set when the XML is not well-formed but items could still be read (the message says where). */
  warning: string | null;
}

/** Fetches a page's HTML. */
export type FetchPage = (url: string) => Promise<string>;

export interface FeedOptions {
  /** The feed's URL or file: resolves relative links and names the input in problems. */
  feedUrl: string;
  /** Fetches an item's page when the feed holds no full text; without it, the feed's text is used. */
  fetchPage?: FetchPage;
  /** Feed full text shorter than this (characters) is replaced by the page's text. Default 400. */
  minContentChars?: number;
  /** Pages fetched at once. Default 4. */
  concurrency?: number;
}

const TEXT_FIELDS = ['title', 'description', 'content:encoded', 'content', 'summary'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  stopNodes: TEXT_FIELDS.map((f) => `*.${f}`),
});

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode the five XML entities and character references; unknown named entities stay as written. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const cp =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return XML_ENTITIES[name] ?? all;
  });
}

/** The character data of an element's raw content: CDATA sections verbatim, entities decoded elsewhere. */
function xmlText(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const start = raw.indexOf('<![CDATA[', i);
    if (start < 0) {
      out += decodeEntities(raw.slice(i));
      break;
    }
    out += decodeEntities(raw.slice(i, start));
    const end = raw.indexOf(']]>', start + 9);
    out += raw.slice(start + 9, end < 0 ? raw.length : end);
    i = end < 0 ? raw.length : end + 3;
  }
  return out;
}

type Node = Record<string, unknown>;

const asArray = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

function attr(v: unknown, name: string): string | null {
  if (v === null || typeof v !== 'object') return null;
  const a = (v as Node)[`@_${name}`];
  return typeof a === 'string' ? decodeEntities(a) : null;
}

/** Raw inner content of an element (a stop node or a plain text node). */
function raw(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object') {
    const t = (v as Node)['#text'];
    if (typeof t === 'string') return t;
    if (typeof t === 'number') return String(t);
  }
  return null;
}

/** A text element holding HTML (RSS fields, Atom type="html"/"xhtml") → its HTML. */
function htmlOf(v: unknown): string | null {
  const r = raw(v);
  if (r === null || r.trim() === '') return null;
  return attr(v, 'type') === 'xhtml' ? r : xmlText(r);
}

/** A text element → plain text (Atom type="text" is plain already, the others are HTML). */
function plainOf(v: unknown, atom: boolean, lines = false): string | null {
  const r = raw(v);
  if (r === null || r.trim() === '') return null;
  const type = attr(v, 'type') ?? (atom ? 'text' : 'html');
  const text =
    type === 'text' || type === 'text/plain'
      ? xmlText(r).replace(/\s+/g, ' ').trim()
      : htmlFragmentToText(htmlOf(v)!);
  if (!text) return null;
  return lines ? text : text.replace(/\n/g, ' ');
}

function resolve(href: string | null, base: string | null): string | null {
  if (!href?.trim()) return null;
  try {
    const u = base ? new URL(href.trim(), base) : new URL(href.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function baseOf(feedUrl: string): string | null {
  return /^https?:\/\//i.test(feedUrl) ? feedUrl : null;
}

function rssItem(it: Node, base: string | null): FeedItem {
  const guidNode = it.guid;
  const guid = raw(guidNode) !== null ? xmlText(raw(guidNode)!).trim() || null : null;
  let url = resolve(raw(it.link) !== null ? xmlText(raw(it.link)!) : null, base);
  if (!url && guid && attr(guidNode, 'isPermaLink') !== 'false') url = resolve(guid, base);
  if (!url) url = resolve(attr(it, 'rdf:about'), base);
  const date = raw(it.pubDate) ?? raw(it['dc:date']) ?? raw(it['a10:updated']);
  return {
    url,
    guid,
    title: plainOf(it.title, false),
    published: normalizeDate(date !== null ? xmlText(date) : null),
    summary: plainOf(it.description, false, true),
    content: htmlOf(it['content:encoded']),
  };
}

function atomLink(links: unknown, base: string | null): string | null {
  const all = asArray(links as Node | Node[]);
  const pick =
    all.find(
      (l) => (attr(l, 'rel') ?? 'alternate') === 'alternate' && /html/.test(attr(l, 'type') ?? 'html'),
    ) ?? all.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  return resolve(pick ? attr(pick, 'href') : null, base);
}

function atomEntry(e: Node, base: string | null): FeedItem {
  const id = raw(e.id);
  const date = raw(e.published) ?? raw(e.updated) ?? raw(e.issued);
  const content = attr(e.content, 'src') ? null : htmlOf(e.content);
  const type = attr(e.content, 'type');
  return {
    url: atomLink(e.link, base),
    guid: id !== null ? xmlText(id).trim() || null : null,
    title: plainOf(e.title, true),
    published: normalizeDate(date !== null ? xmlText(date) : null),
    summary: plainOf(e.summary, true, true),
    // plain-text content is escaped so the HTML reader keeps it as written
    content:
      content !== null && (type === 'text' || type === null)
        ? content
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/\n\s*\n/g, '<br>')
        : content,
  };
}

/** Repair the commonest flaw of real feeds, a bare `&` in a URL or title. */
function escapeBareAmpersands(xml: string): string {
  return xml.replace(/&(?!#\d+;|#x[0-9a-f]+;|[a-z][a-z0-9]*;)/gi, '&amp;');
}

/** Is this text a feed (RSS, RDF or Atom) rather than an HTML page? */
export function looksLikeFeed(text: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '')
    .trimStart();
  return /^<(?:rss|feed|rdf:RDF)[\s>]/i.test(head);
}

/** Parse a feed. Throws `RasadError('BAD_FEED')` naming the input when it cannot be read at all. */
export function parseFeed(xml: string, name: string): Feed {
  const text = escapeBareAmpersands(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml);
  const valid = XMLValidator.validate(text);
  const warning =
    valid === true ? null : `${name}:${valid.err.line}:${valid.err.col}: malformed XML (${valid.err.msg})`;
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (err) {
    const why = warning ?? `${name}: ${(err as Error).message}`;
    throw new RasadError('BAD_FEED', `${why}; not a readable feed, expected RSS or Atom`);
  }
  const base = baseOf(name);
  const rss = doc.rss as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc.feed as Node | undefined;
  let feed: Feed;
  if (rss && typeof rss === 'object') {
    const ch = (asArray(rss.channel as Node | Node[])[0] ?? {}) as Node;
    const link = resolve(raw(ch.link), base);
    feed = {
      kind: 'rss',
      title: plainOf(ch.title, false),
      link,
      items: asArray(ch.item as Node | Node[]).map((it) => rssItem(it, base ?? link)),
      warning,
    };
  } else if (rdf && typeof rdf === 'object') {
    const ch = (asArray(rdf.channel as Node | Node[])[0] ?? {}) as Node;
    const link = resolve(raw(ch.link), base);
    const items = [...asArray(rdf.item as Node | Node[]), ...asArray(ch.item as Node | Node[])];
    feed = {
      kind: 'rdf',
      title: plainOf(ch.title, false),
      link,
      items: items.map((it) => rssItem(it, base ?? link)),
      warning,
    };
  } else if (atom && typeof atom === 'object') {
    const link = atomLink(atom.link, base);
    feed = {
      kind: 'atom',
      title: plainOf(atom.title, true),
      link,
      items: asArray(atom.entry as Node | Node[]).map((e) => atomEntry(e, base ?? link)),
      warning,
    };
  } else {
    throw new RasadError(
      'BAD_FEED',
      warning
        ? `${warning}; expected an RSS or Atom feed`
        : `${name}: not a feed (no <rss>, <rdf:RDF> or <feed> root element); expected RSS or Atom`,
    );
  }
  return feed;
}

/** Turn one feed item into a document (may fetch its page). Throws on failure. */
export async function itemToDocument(
  item: FeedItem,
  feed: Pick<Feed, 'title' | 'link'>,
  opts: Pick<FeedOptions, 'fetchPage' | 'minContentChars'>,
): Promise<InputDocument> {
  const min = opts.minContentChars ?? 400;
  const contentHtml = item.content ? htmlFragmentToText(item.content) : '';
  // some feeds carry the whole article in the description
  const feedText = (item.summary?.length ?? 0) > contentHtml.length ? (item.summary ?? '') : contentHtml;
  const source = feed.title ?? hostOf(item.url ?? feed.link);
  const fromFeed = (text: string): InputDocument => ({
    id: stableId(item.url ?? item.guid ?? text),
    text,
    published: item.published,
    title: item.title,
    url: item.url,
    source,
  });
  if (feedText.length >= min) return fromFeed(feedText);
  if (opts.fetchPage && item.url) {
    let html: string;
    try {
      html = await opts.fetchPage(item.url);
    } catch (err) {
      const msg = (err as Error).message;
      throw new RasadError('FETCH_FAILED', msg.includes(item.url) ? msg : `${item.url}: ${msg}`);
    }
    const doc = htmlToDocument(html, { url: item.url, name: item.url });
    return {
      ...doc,
      published: doc.published ?? item.published,
      title: doc.title ?? item.title,
      source: doc.source ?? source,
    };
  }
  if (/[\p{L}\p{N}]/u.test(feedText)) return fromFeed(feedText);
  const what = item.url ?? item.guid ?? (item.title ? `"${item.title}"` : '(untitled)');
  throw new RasadError(
    'NO_ARTICLE_TEXT',
    `feed item ${what} has no text${item.url ? '' : ' and no link'}; expected content, a description or a page link`,
  );
}

/** Map with bounded concurrency, yielding results in input order. */
async function* ordered<T, R>(
  xs: T[],
  limit: number,
  fn: (x: T, i: number) => Promise<R>,
): AsyncGenerator<R> {
  const started: Promise<R>[] = [];
  let next = 0;
  const fill = (): void => {
    while (next < xs.length && started.length - yielded < limit) {
      const i = next++;
      started.push(fn(xs[i] as T, i));
    }
  };
  let yielded = 0;
  while (yielded < xs.length) {
    fill();
    const r = await (started[yielded] as Promise<R>);
    yielded++;
    yield r;
  }
}

/** Documents of the given items of a parsed feed; the item's 1-based position is its `line`. */
export async function* feedItemsToDocuments(
  feed: Pick<Feed, 'title' | 'link'>,
  items: { item: FeedItem; index: number }[],
  opts: FeedOptions,
): AsyncGenerator<ReadItem> {
  const file = opts.feedUrl;
  yield* ordered(items, Math.max(1, opts.concurrency ?? 4), async ({ item, index }): Promise<ReadItem> => {
    const line = index + 1;
    try {
      const doc = await itemToDocument(item, feed, opts);
      return { doc, file, line };
    } catch (err) {
      const code = err instanceof RasadError ? err.code : 'EXTRACTION_FAILED';
      return { problem: { file, line, code, message: `${file}:${line}: ${(err as Error).message}` } };
    }
  });
}

/** Documents of a feed. A feed that cannot be read yields one problem; a bad item yields a problem. */
export async function* feedToDocuments(feedXml: string, opts: FeedOptions): AsyncGenerator<ReadItem> {
  let feed: Feed;
  try {
    feed = parseFeed(feedXml, opts.feedUrl);
  } catch (err) {
    yield { problem: { file: opts.feedUrl, line: 0, code: 'BAD_FEED', message: (err as Error).message } };
    return;
  }
  if (feed.warning) {
    yield {
      problem: {
        file: opts.feedUrl,
        line: 0,
        code: 'BAD_FEED',
        message: `${feed.warning}; read ${feed.items.length} item(s) anyway`,
      },
    };
  }
  yield* feedItemsToDocuments(
    feed,
    feed.items.map((item, index) => ({ item, index })),
    opts,
  );
}
