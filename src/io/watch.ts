/**
 * Feed watching: poll a list of feed URLs on an interval and hand NEW items only to a callback.
 * Items are remembered by URL and guid across polls, so each page is fetched once (a failed page
 * is retried on the next polls, up to a limit); a failing feed is reported and the rest goes on.
 */
import { readFileSync } from 'node:fs';
import { RasadError } from '../errors.js';
import { type FeedItem, feedItemsToDocuments, parseFeed } from './feed.js';
import { fetchText as defaultFetchText } from './fetch.js';
import type { ReadItem, ReadProblem } from './read.js';

export interface FeedListEntry {
  url: string;
  line: number;
}

export interface PollOptions {
  /** Fetches feeds and pages; default fetch.ts `fetchText` (cancelled by `signal`). */
  fetchText?: (url: string) => Promise<string>;
  /** Feed full text shorter than this is replaced by the page's text (see feed.ts). */
  minContentChars?: number;
  /** Polls on which a failing item is tried before it is given up. Default 3. */
  maxAttempts?: number;
  /** Keys remembered at most; the oldest are forgotten first. Default 200 000. */
  maxSeen?: number;
  signal?: AbortSignal;
}

export interface WatchOptions extends PollOptions {
  intervalMs: number;
  /** Receives the new documents and the problems of each poll (an empty array when nothing is new). */
  onItems: (items: ReadItem[]) => Promise<void>;
}

/** What a watch remembers between polls. */
export interface WatchState {
  /** Item keys (URL, feed + guid) already handed over or given up, in insertion order. */
  seen: Set<string>;
  /** Failed attempts per item key. */
  attempts: Map<string, number>;
  /** Feed-list problems already reported (reported once). */
  reported: Set<string>;
}

export function createWatchState(): WatchState {
  return { seen: new Set(), attempts: new Map(), reported: new Set() };
}

/** Parse a feed list: one http(s) URL per line, `#` comments (whole line or after a space), blank lines. */
export function parseFeedList(
  text: string,
  file: string,
): { feeds: FeedListEntry[]; problems: ReadProblem[] } {
  const feeds: FeedListEntry[] = [];
  const problems: ReadProblem[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const s = raw.replace(/(?:^|\s)#.*$/, '').trim();
    if (!s) return;
    let u: URL | null = null;
    try {
      u = new URL(s);
    } catch {
      u = null;
    }
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || /\s/.test(s)) {
      problems.push({
        file,
        line,
        code: 'BAD_URL',
        message: `${file}:${line}: "${s}" is not a feed URL; expected one http:// or https:// URL per line`,
      });
      return;
    }
    if (seen.has(u.href)) return;
    seen.add(u.href);
    feeds.push({ url: u.href, line });
  });
  return { feeds, problems };
}

/** Read and parse a feed-list file. Throws `RasadError('NOT_FOUND')` when it cannot be read. */
export function readFeedList(file: string): { feeds: FeedListEntry[]; problems: ReadProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new RasadError(
      'NOT_FOUND',
      `${file}: feed list cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); expected a text file of feed URLs`,
    );
  }
  return parseFeedList(text, file);
}

/** Keys of an item: its URL, and its guid within the feed. */
function itemKeys(item: FeedItem, feedUrl: string): string[] {
  const keys: string[] = [];
  if (item.url) keys.push(item.url);
  if (item.guid) keys.push(`${feedUrl} ${item.guid}`);
  if (keys.length === 0)
    keys.push(`${feedUrl} ${item.title ?? ''}|${item.summary ?? ''}|${item.published ?? ''}`);
  return keys;
}

function remember(state: WatchState, keys: string[], maxSeen: number): void {
  for (const k of keys) {
    state.attempts.delete(k);
    state.seen.delete(k);
    state.seen.add(k);
  }
  while (state.seen.size > maxSeen) {
    const oldest = state.seen.values().next().value as string;
    state.seen.delete(oldest);
  }
}

function failure(file: string, err: unknown): ReadItem {
  const code = err instanceof RasadError ? err.code : 'FETCH_FAILED';
  const msg = (err as Error).message;
  return { problem: { file, line: 0, code, message: msg.startsWith(file) ? msg : `${file}: ${msg}` } };
}

/** One poll over the feed list: the new documents and the problems met. Updates `state`. */
export async function pollOnce(
  listFile: string,
  state: WatchState,
  opts: PollOptions = {},
): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  const fetchText = opts.fetchText ?? ((url: string) => defaultFetchText(url, { signal: opts.signal }));
  const maxAttempts = opts.maxAttempts ?? 3;
  const maxSeen = opts.maxSeen ?? 200_000;
  let list: ReturnType<typeof readFeedList>;
  try {
    list = readFeedList(listFile);
  } catch (err) {
    return [failure(listFile, err)];
  }
  for (const p of list.problems) {
    const key = `${p.line} ${p.message}`;
    if (state.reported.has(key)) continue;
    state.reported.add(key);
    out.push({ problem: p });
  }
  for (const { url } of list.feeds) {
    if (opts.signal?.aborted) break;
    let xml: string;
    try {
      xml = await fetchText(url);
    } catch (err) {
      out.push(failure(url, err));
      continue;
    }
    let feed: ReturnType<typeof parseFeed>;
    try {
      feed = parseFeed(xml, url);
    } catch (err) {
      out.push(failure(url, err));
      continue;
    }
    const fresh: { item: FeedItem; index: number; keys: string[] }[] = [];
    const batch = new Set<string>();
    feed.items.forEach((item, index) => {
      const keys = itemKeys(item, url);
      if (keys.some((k) => state.seen.has(k) || batch.has(k))) return;
      for (const k of keys) batch.add(k);
      fresh.push({ item, index, keys });
    });
    if (fresh.length === 0) continue;
    const byLine = new Map(fresh.map((f) => [f.index + 1, f.keys]));
    const docs = feedItemsToDocuments(feed, fresh, {
      feedUrl: url,
      fetchPage: fetchText,
      minContentChars: opts.minContentChars,
    });
    for await (const r of docs) {
      const keys = byLine.get('doc' in r ? r.line : r.problem.line) ?? [];
      if ('doc' in r) {
        remember(state, keys, maxSeen);
      } else {
        const n = Math.max(...keys.map((k) => state.attempts.get(k) ?? 0)) + 1;
        if (n >= maxAttempts) remember(state, keys, maxSeen);
        else for (const k of keys) state.attempts.set(k, n);
      }
      out.push(r);
    }
  }
  return out;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Poll the feeds of `listFile` every `intervalMs` until `signal` aborts (the list is re-read on
 * each poll, so edits take effect). Resolves when stopped; rejects when `onItems` does or when
 * the list cannot be read at the start.
 */
export async function watchFeeds(
  listFile: string,
  opts: WatchOptions,
  state = createWatchState(),
): Promise<void> {
  if (!(opts.intervalMs > 0)) {
    throw new RasadError(
      'BAD_ARGUMENT',
      `watch interval ${opts.intervalMs} ms; expected a positive duration`,
    );
  }
  readFeedList(listFile);
  while (!opts.signal?.aborted) {
    const items = await pollOnce(listFile, state, opts);
    await opts.onItems(items);
    await sleep(opts.intervalMs, opts.signal);
  }
}
