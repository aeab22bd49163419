import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodeWindows1256,
  FIXTURES,
  type FixtureServer,
  fixtureText,
  startFixtureServer,
  win1256Page,
} from '../../test/fixtures/web/server.js';
import { RasadError } from '../errors.js';
import { fetchText } from './fetch.js';
import { htmlToDocument, stableId } from './html.js';
import type { ReadItem } from './read.js';
import { readSources } from './sources.js';

async function collect(it: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}
const docs = (items: ReadItem[]) => items.flatMap((i) => ('doc' in i ? [i.doc] : []));
const problems = (items: ReadItem[]) => items.flatMap((i) => ('problem' in i ? [i.problem] : []));

let srv: FixtureServer;
beforeAll(async () => {
  srv = await startFixtureServer();
});
afterAll(async () => {
  await srv?.close();
});

describe('readSources', () => {
  it('reads a directory mixing text, JSON Lines, HTML pages and feed files', async () => {
    const d = mkdtempSync(join(tmpdir(), 'rasad-sources-'));
    writeFileSync(join(d, 'a.txt'), 'وصل الوزير إلى الرياض.');
    writeFileSync(join(d, 'b.jsonl'), `${JSON.stringify({ id: 'j1', text: 'نص من سطر' })}\n`);
    copyFileSync(join(FIXTURES, 'article-meta.html'), join(d, 'c-page.html'));
    copyFileSync(join(FIXTURES, 'rss-content-encoded.xml'), join(d, 'd-feed.rss'));
    mkdirSync(join(d, 'e'));
    copyFileSync(join(FIXTURES, 'article-time.html'), join(d, 'e', 'sudan.htm'));
    writeFileSync(join(d, 'notes.md'), '# not read');
    writeFileSync(join(d, '.hidden.html'), '<p>hidden</p>');
    const asked: string[] = [];
    const items = await collect(
      readSources([d], {
        fetchPage: async (url) => {
          asked.push(url);
          return fixtureText('article-jsonld.html');
        },
      }),
    );
    expect(problems(items)).toEqual([]);
    const ds = docs(items);
    expect(ds.map((x) => x.id)).toEqual([
      'a',
      'j1',
      stableId('https://news.example/politics/2024/03/05/jordan-egypt-water'),
      stableId('https://gulf-today.example/2024/01/15/yemen-talks/'),
      // a fetched page without a canonical link is identified by the item's URL
      stableId('https://gulf-today.example/2024/01/16/short/'),
      // an HTML file whose page names no URL is named after the file
      'sudan',
    ]);
    expect(ds[2]?.text).toBe(htmlToDocument(fixtureText('article-meta.html')).text);
    expect(ds[5]?.published).toBe('2023-05-20');
    expect(asked).toEqual(['https://gulf-today.example/2024/01/16/short/']);
    const files = items.flatMap((i) => ('doc' in i ? [`${i.file.slice(d.length + 1)}:${i.line}`] : []));
    expect(files).toEqual([
      'a.txt:0',
      'b.jsonl:1',
      'c-page.html:0',
      'd-feed.rss:1',
      'd-feed.rss:2',
      'e/sudan.htm:0',
    ]);
  });

  it('decodes an HTML file declared windows-1256 by its <meta charset>', async () => {
    const d = mkdtempSync(join(tmpdir(), 'rasad-sources-'));
    const html = win1256Page().replace('charset="utf-8"', 'charset="windows-1256"');
    writeFileSync(join(d, 'legacy.html'), encodeWindows1256(html));
    const items = await collect(readSources([join(d, 'legacy.html')]));
    expect(docs(items)).toEqual([{ ...htmlToDocument(win1256Page()), id: 'legacy' }]);
  });

  it('reports bad inputs with their names and goes on', async () => {
    const d = mkdtempSync(join(tmpdir(), 'rasad-sources-'));
    copyFileSync(join(FIXTURES, 'no-article.html'), join(d, 'home.html'));
    copyFileSync(join(FIXTURES, 'broken.xml'), join(d, 'broken.xml'));
    writeFileSync(join(d, 'notes.md'), '# x');
    mkdirSync(join(d, 'empty'));
    const items = await collect(
      readSources(
        [
          join(d, 'home.html'),
          join(d, 'broken.xml'),
          join(d, 'notes.md'),
          join(d, 'nope.html'),
          join(d, 'empty'),
          join(FIXTURES, 'article-time.html'),
        ],
        { fetchPage: async () => Promise.reject(new Error('no network in this test')) },
      ),
    );
    expect(problems(items).map((p) => [p.code, p.file.slice(d.length + 1)])).toEqual([
      ['NO_ARTICLE_TEXT', 'home.html'],
      ['BAD_FEED', 'broken.xml'],
      ['UNKNOWN_FORMAT', 'notes.md'],
      ['NOT_FOUND', 'nope.html'],
      ['EMPTY_DIRECTORY', 'empty'],
    ]);
    for (const p of problems(items)) expect(p.message.startsWith(p.file)).toBe(true);
    expect(docs(items).map((x) => x.id)).toEqual(['article-time']);
  });

  it('fetches URL arguments: a page, or a feed when the body is RSS/Atom; and explicit feeds', async () => {
    const page = `${srv.base}/politics/jordan-egypt-water`;
    const items = await collect(
      readSources([page, `${srv.base}/rss.xml`, `${srv.base}/gone`], {
        feeds: [`${srv.base}/atom.xml`, join(FIXTURES, 'rdf.xml')],
        // only the local server is fetched; other hosts fail as if offline
        fetchPage: (url) =>
          url.startsWith(srv.base)
            ? fetchText(url, { timeoutMs: 5000 })
            : Promise.reject(new RasadError('FETCH_FAILED', `${url}: offline in this test`)),
      }),
    );
    const summary = items.map((i) =>
      'doc' in i
        ? `doc ${i.file.replace(srv.base, '')}:${i.line}`
        : `${i.problem.code} ${i.problem.file.replace(srv.base, '')}:${i.problem.line}`,
    );
    expect(summary).toEqual([
      'doc /politics/jordan-egypt-water:0',
      // rss2.xml: its item links point at the server, which serves three of the four pages
      'doc /rss.xml:1',
      'doc /rss.xml:2',
      'NO_ARTICLE_TEXT /rss.xml:3',
      'doc /rss.xml:4',
      'FETCH_FAILED /gone:0',
      // atom.xml: two entries carry full text, the third links to another host
      'doc /atom.xml:1',
      'doc /atom.xml:2',
      'FETCH_FAILED /atom.xml:3',
      `FETCH_FAILED ${join(FIXTURES, 'rdf.xml')}:1`,
    ]);
    const first = items[0];
    expect(first && 'doc' in first ? first.doc.text : '').toBe(
      htmlToDocument(fixtureText('article-meta.html')).text,
    );
    const libya = items[2];
    expect(libya && 'doc' in libya ? libya.doc.published : '').toBe('2023-10-31T18:05:00+02:00');
  }, 60_000);
});
