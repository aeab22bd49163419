import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, fixtureText, startFixtureServer } from '../../test/fixtures/web/server.js';
import { RasadError } from '../errors.js';
import { fetchText } from './fetch.js';
import type { ReadItem } from './read.js';
import { createWatchState, parseFeedList, pollOnce, watchFeeds } from './watch.js';

let srv: FixtureServer;
beforeAll(async () => {
  srv = await startFixtureServer();
});
afterAll(async () => {
  await srv?.close();
});

/** Fetch from the local server only; any other host fails as if offline. */
const localFetch = (url: string): Promise<string> =>
  url.startsWith(srv.base)
    ? fetchText(url, { timeoutMs: 5000 })
    : Promise.reject(new RasadError('FETCH_FAILED', `${url}: offline in this test`));

const summary = (items: ReadItem[]): string[] =>
  items.map((i) =>
    'doc' in i
      ? `doc ${i.file.replace(srv.base, '')}:${i.line}`
      : `${i.problem.code} ${i.problem.file.replace(srv.base, '').replace(/^.*\/feeds\.txt$/, 'feeds.txt')}:${i.problem.line}`,
  );

function listFile(lines: string[]): string {
  const f = join(mkdtempSync(join(tmpdir(), 'rasad-watch-')), 'feeds.txt');
  writeFileSync(f, lines.join('\n'));
  return f;
}

describe('parseFeedList', () => {
  it('reads one URL per line with comments and blank lines, reporting bad lines with file:line', () => {
    const { feeds, problems } = parseFeedList(
      [
        '# Arabic news feeds',
        '',
        'https://news.example/rss.xml',
        '  http://agency.example/atom.xml   # the agency',
        'https://news.example/rss.xml',
        'ftp://old.example/feed',
        'news.example/no-scheme.xml',
        'https://a.example/x#fragment-kept',
      ].join('\r\n'),
      'feeds.txt',
    );
    expect(feeds).toEqual([
      { url: 'https://news.example/rss.xml', line: 3 },
      { url: 'http://agency.example/atom.xml', line: 4 },
      { url: 'https://a.example/x#fragment-kept', line: 8 },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'feeds.txt:6: "ftp://old.example/feed" is not a feed URL; expected one http:// or https:// URL per line',
      'feeds.txt:7: "news.example/no-scheme.xml" is not a feed URL; expected one http:// or https:// URL per line',
    ]);
  });
});

describe('pollOnce', () => {
  it('passes new items only, fetches each page once, and keeps going when a feed fails', async () => {
    const list = listFile([
      `${srv.base}/rss.xml`,
      'not a url',
      `${srv.base}/broken.xml`,
      `${srv.base}/atom.xml`,
      `${srv.base}/gone.xml`,
    ]);
    const state = createWatchState();
    const opts = { fetchText: localFetch, maxAttempts: 2 };
    srv.requests.length = 0;

    const first = await pollOnce(list, state, opts);
    expect(summary(first)).toEqual([
      'BAD_URL feeds.txt:2',
      'doc /rss.xml:1',
      'doc /rss.xml:2',
      'NO_ARTICLE_TEXT /rss.xml:3',
      'doc /rss.xml:4',
      'BAD_FEED /broken.xml:0',
      'doc /atom.xml:1',
      'doc /atom.xml:2',
      'FETCH_FAILED /atom.xml:3',
      'FETCH_FAILED /gone.xml:0',
    ]);
    const pages = () => srv.requests.filter((r) => !r.endsWith('.xml'));
    expect(pages()).toHaveLength(3);

    // second poll: nothing new; failing items are tried once more; the bad line is not repeated
    const second = await pollOnce(list, state, opts);
    expect(summary(second)).toEqual([
      'NO_ARTICLE_TEXT /rss.xml:3',
      'BAD_FEED /broken.xml:0',
      'FETCH_FAILED /atom.xml:3',
      'FETCH_FAILED /gone.xml:0',
    ]);
    expect(pages()).toHaveLength(3);

    // third poll: failing items were given up after 2 attempts; failing feeds are still reported
    const third = await pollOnce(list, state, opts);
    expect(summary(third)).toEqual(['BAD_FEED /broken.xml:0', 'FETCH_FAILED /gone.xml:0']);

    // a new item appears at the top of the feed: only it is passed on
    const extra = `<item><title>خبر جديد</title><link>${srv.base}/arab/new-item</link>
      <pubDate>Sat, 20 May 2023 12:00:00 +0300</pubDate></item>`;
    srv.routes.set('/rss.xml', (_req, res) => {
      res.end(
        fixtureText('rss2.xml')
          .replaceAll('http://news.example', srv.base)
          .replace('<item>', `${extra}<item>`),
      );
    });
    srv.routes.set('/arab/new-item', (_req, res) => res.end(fixtureText('article-time.html')));
    const fourth = await pollOnce(list, state, opts);
    expect(summary(fourth)).toEqual(['doc /rss.xml:1', 'BAD_FEED /broken.xml:0', 'FETCH_FAILED /gone.xml:0']);
    const doc = fourth[0];
    expect(doc && 'doc' in doc ? doc.doc.url : null).toBe(`${srv.base}/arab/new-item`);
    expect(pages().filter((p) => p === '/arab/new-item')).toHaveLength(1);
  });

  it('remembers a bounded number of items, forgetting the oldest', async () => {
    const list = listFile([`${srv.base}/atom.xml`]);
    const state = createWatchState();
    await pollOnce(list, state, { fetchText: localFetch, maxSeen: 3, maxAttempts: 1 });
    expect(state.seen.size).toBe(3);
    expect([...state.seen]).not.toContain('http://agency.example/iraq/budget-vote');
  });
});

describe('watchFeeds', () => {
  it('polls on the interval until the signal aborts', async () => {
    const list = listFile([`${srv.base}/atom.xml`]);
    const ac = new AbortController();
    const calls: string[][] = [];
    let polls = 0;
    const fetchCounting = (url: string) => {
      if (url.endsWith('/atom.xml')) polls++;
      if (polls >= 3) ac.abort();
      return localFetch(url);
    };
    await watchFeeds(list, {
      intervalMs: 20,
      signal: ac.signal,
      fetchText: fetchCounting,
      maxAttempts: 1,
      onItems: async (items) => {
        calls.push(summary(items));
      },
    });
    expect(polls).toBe(3);
    // the first poll brings the two full-text entries and the failing third; later polls nothing new
    expect(calls).toEqual([['doc /atom.xml:1', 'doc /atom.xml:2', 'FETCH_FAILED /atom.xml:3'], [], []]);
  });

  it('refuses a missing list file and a non-positive interval', async () => {
    const onItems = async () => {};
    await expect(watchFeeds('/no/such/feeds.txt', { intervalMs: 1000, onItems })).rejects.toThrow(
      /^\/no\/such\/feeds\.txt: feed list cannot be read \(ENOENT\)/,
    );
    await expect(watchFeeds(listFile([]), { intervalMs: 0, onItems })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
  });
});
