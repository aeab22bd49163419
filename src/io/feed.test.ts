import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RasadError } from '../errors.js';
import { feedToDocuments, looksLikeFeed, parseFeed } from './feed.js';
import { htmlToDocument, stableId } from './html.js';
import type { ReadItem } from './read.js';

const FIX = join(import.meta.dirname, '../../test/fixtures/web');
const fixture = (name: string): string => readFileSync(join(FIX, name), 'utf8');

async function collect(it: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** A page fetcher over fixture pages, recording the URLs asked for. */
function fakePages(pages: Record<string, string>) {
  const asked: string[] = [];
  const fetchPage = async (url: string): Promise<string> => {
    asked.push(url);
    const name = pages[url];
    if (!name) throw new RasadError('FETCH_FAILED', `${url}: HTTP 404 Not Found; expected a 2xx response`);
    return fixture(name);
  };
  return { asked, fetchPage };
}

describe('parseFeed', () => {
  it('reads RSS 2.0 items: links resolved, entities and CDATA decoded, RFC 822 dates normalised', () => {
    const feed = parseFeed(fixture('rss2.xml'), 'rss2.xml');
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('شبكة الصحراء الإخبارية - سياسة');
    expect(feed.warning).toBeNull();
    expect(feed.items).toEqual([
      {
        url: 'http://news.example/politics/jordan-egypt-water',
        guid: 'sahra-2024-0305-001',
        title: 'وزير الخارجية الأردني يبحث في القاهرة ملف المياه',
        published: '2024-03-05T01:30:00+03:00',
        summary: 'وصل وزير الخارجية الأردني إلى القاهرة في زيارة تستمر يومين.',
        content: null,
      },
      {
        // relative link resolved against the channel link; the bare & repaired
        url: 'http://news.example/world/libya-unsmil?from=rss&ref=feed',
        guid: null,
        title: 'مجلس الأمن يمدد ولاية البعثة الأممية في ليبيا "عاماً"',
        published: '2023-10-31T16:05:00Z',
        summary: 'صوّت مجلس الأمن بالإجماع & دون تحفظ.',
        content: null,
      },
      {
        url: null,
        guid: null,
        title: 'خبر بلا رابط ولا نص',
        published: '2023-11-01T08:00:00Z',
        summary: null,
        content: null,
      },
      {
        // a permalink guid is the URL
        url: 'http://news.example/arab/sudan-ceasefire',
        guid: 'http://news.example/arab/sudan-ceasefire',
        title: 'اتفاق على وقف إطلاق النار في السودان',
        published: '2023-05-20T10:00:00+03:00',
        summary: 'أعلنت الوساطة التوصل إلى اتفاق لوقف إطلاق النار.',
        content: null,
      },
    ]);
  });

  it('reads Atom entries: html and xhtml content, alternate links, published before updated', () => {
    const feed = parseFeed(fixture('atom.xml'), 'https://agency.example/feeds/atom.xml');
    expect(feed.kind).toBe('atom');
    expect(feed.title).toBe('وكالة الأنباء المستقلة');
    const [a, b, c] = feed.items;
    expect(a?.url).toBe('http://agency.example/iraq/budget-vote');
    expect(a?.title).toBe('البرلمان العراقي يصوت على الموازنة & يرفع الجلسة');
    expect(a?.published).toBe('2024-02-11T21:40:00+03:00');
    expect(a?.guid).toBe('tag:agency.example,2024:iraq-budget');
    expect(a?.content).toContain('<p>صوّت مجلس النواب العراقي');
    expect(a?.content).toContain('&laquo;يفتح الباب');
    // relative link resolved against the feed URL
    expect(b?.url).toBe('https://agency.example/tunisia/algeria-visit');
    expect(b?.published).toBe('2024-02-10T12:00:00Z');
    expect(b?.content).toMatch(/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"><p>استقبل الرئيس التونسي/);
    expect(c).toMatchObject({ content: null, summary: 'أعلنت الوساطة التوصل إلى اتفاق لوقف إطلاق النار.' });
  });

  it('reads RSS 1.0 (RDF) items', () => {
    const feed = parseFeed(fixture('rdf.xml'), 'rdf.xml');
    expect(feed.kind).toBe('rdf');
    expect(feed.items).toEqual([
      {
        url: 'http://old-portal.example/n/77',
        guid: null,
        title: 'الجامعة العربية تدعو إلى اجتماع طارئ',
        published: '2022-08-07',
        summary: 'دعت جامعة الدول العربية إلى اجتماع طارئ لوزراء الخارجية العرب لبحث التطورات الأخيرة.',
        content: null,
      },
    ]);
  });

  it('throws BAD_FEED naming the file and position for malformed XML, and for XML that is not a feed', () => {
    expect(() => parseFeed(fixture('broken.xml'), 'broken.xml')).toThrow(/^broken\.xml:13:1: malformed XML/);
    expect(() => parseFeed('<html><body><p>x</p></body></html>', 'page.xml')).toThrow(
      /^page\.xml: not a feed \(no <rss>, <rdf:RDF> or <feed> root element\)/,
    );
    let caught: unknown = null;
    try {
      parseFeed('', 'empty.xml');
    } catch (e) {
      caught = e;
    }
    expect((caught as RasadError).code).toBe('BAD_FEED');
  });

  it('keeps Atom plain-text content as written', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>أ &lt; ب</title>
      <link href="http://x.example/1"/><content type="text">سطر فيه &lt;b&gt; ليس وسماً &amp; رمز</content></entry></feed>`;
    const [item] = parseFeed(xml, 'plain.atom').items;
    expect(item?.title).toBe('أ < ب');
    return collect(feedToDocuments(xml, { feedUrl: 'plain.atom', minContentChars: 5 })).then((items) => {
      expect(items).toHaveLength(1);
      expect(items[0] && 'doc' in items[0] ? items[0].doc.text : null).toBe('سطر فيه <b> ليس وسماً & رمز');
    });
  });
});

describe('looksLikeFeed', () => {
  it('tells feeds from pages', () => {
    expect(looksLikeFeed(fixture('rss2.xml'))).toBe(true);
    expect(looksLikeFeed(fixture('atom.xml'))).toBe(true);
    expect(looksLikeFeed(fixture('rdf.xml'))).toBe(true);
    expect(looksLikeFeed(fixture('article-meta.html'))).toBe(false);
    expect(looksLikeFeed('<?xml version="1.0"?><html></html>')).toBe(false);
  });
});

describe('feedToDocuments', () => {
  it('uses content:encoded full text without fetching, and fetches the page of a short teaser', async () => {
    const { asked, fetchPage } = fakePages({
      'https://gulf-today.example/2024/01/16/short/': 'article-jsonld.html',
    });
    const items = await collect(
      feedToDocuments(fixture('rss-content-encoded.xml'), { feedUrl: 'feeds/gulf.xml', fetchPage }),
    );
    expect(asked).toEqual(['https://gulf-today.example/2024/01/16/short/']);
    expect(items).toHaveLength(2);
    const first = items[0];
    if (!first || !('doc' in first)) throw new Error('expected a document');
    expect(first.file).toBe('feeds/gulf.xml');
    expect(first.line).toBe(1);
    const url = 'https://gulf-today.example/2024/01/15/yemen-talks/';
    expect(first.doc).toMatchObject({
      id: stableId(url),
      url,
      title: 'قطر تستضيف جولة جديدة من المحادثات بين الأطراف اليمنية',
      published: '2024-01-15T19:20:00+04:00',
      source: 'صحيفة الخليج اليوم',
    });
    const lines = first.doc.text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'وقال المتحدث باسم الوزارة في إفادة صحفية إن الجولة ستركز على ملف الأسرى والمحتجزين وفتح الطرق بين المحافظات، مضيفاً أن قطر “تقف على مسافة واحدة من جميع الأطراف” وتأمل في تحقيق تقدم ملموس.',
    );
    expect(first.doc.text).not.toMatch(/اقرأ أيضاً|The post|appeared first|iframe|[<>]/);
    const second = items[1];
    if (!second || !('doc' in second)) throw new Error('expected a document');
    expect(second.line).toBe(2);
    // the page's text and metadata, not the teaser's
    expect(second.doc.text).toBe(htmlToDocument(fixture('article-jsonld.html')).text);
    expect(second.doc.published).toBe('2023-10-31T18:05:00+02:00');
  });

  it('fetches pages for summary-only items; a failing item is a problem and the rest goes on', async () => {
    const { asked, fetchPage } = fakePages({
      'http://news.example/politics/jordan-egypt-water': 'article-meta.html',
      'http://news.example/arab/sudan-ceasefire': 'article-time.html',
    });
    const items = await collect(
      feedToDocuments(fixture('rss2.xml'), { feedUrl: 'http://news.example/rss.xml', fetchPage }),
    );
    expect(asked).toHaveLength(3);
    expect(items.map((i) => ('doc' in i ? `doc:${i.line}` : `${i.problem.code}:${i.problem.line}`))).toEqual([
      'doc:1',
      'FETCH_FAILED:2',
      'NO_ARTICLE_TEXT:3',
      'doc:4',
    ]);
    const [one, two, three, four] = items;
    if (!one || !('doc' in one) || !four || !('doc' in four)) throw new Error('expected documents');
    expect(one.doc.text).toBe(htmlToDocument(fixture('article-meta.html')).text);
    expect(one.doc.url).toBe('https://news.example/politics/2024/03/05/jordan-egypt-water');
    expect(one.file).toBe('http://news.example/rss.xml');
    expect(four.doc).toMatchObject({
      published: '2023-05-20',
      title: 'اتفاق على وقف إطلاق النار في السودان',
    });
    // a fetched page speaks for itself: it names no site, so its host is the source
    expect(four.doc.source).toBe('news.example');
    expect(two && 'problem' in two ? two.problem.message : '').toBe(
      'http://news.example/rss.xml:2: http://news.example/world/libya-unsmil?from=rss&ref=feed: HTTP 404 Not Found; expected a 2xx response',
    );
    expect(three && 'problem' in three ? three.problem.message : '').toMatch(
      /^http:\/\/news\.example\/rss\.xml:3: feed item "خبر بلا رابط ولا نص" has no text and no link/,
    );
  });

  it('uses the feed text when no page fetcher is given', async () => {
    const items = await collect(feedToDocuments(fixture('atom.xml'), { feedUrl: 'atom.xml' }));
    expect(items.every((i) => 'doc' in i)).toBe(true);
    const docs = items.flatMap((i) => ('doc' in i ? [i.doc] : []));
    expect(docs[0]?.text).not.toContain('سكربت داخل المحتوى');
    expect(docs[0]?.text.split('\n')[1]).toBe(
      'وقال رئيس المجلس في ختام الجلسة إن إقرار الموازنة «يفتح الباب أمام تنفيذ المشاريع المتوقفة»، داعياً الحكومة إلى الإسراع في إطلاق التخصيصات المالية للمحافظات.',
    );
    expect(docs[1]?.text).toContain('بين البلدين & ملفات الحدود والطاقة.');
    expect(docs[2]?.text).toBe('أعلنت الوساطة التوصل إلى اتفاق لوقف إطلاق النار.');
    expect(docs.map((d) => d.source)).toEqual(Array(3).fill('وكالة الأنباء المستقلة'));
  });

  it('reports a broken feed as one problem naming the file', async () => {
    const items = await collect(feedToDocuments(fixture('broken.xml'), { feedUrl: 'feeds/broken.xml' }));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ problem: { file: 'feeds/broken.xml', line: 0, code: 'BAD_FEED' } });
    expect(items[0] && 'problem' in items[0] ? items[0].problem.message : '').toMatch(
      /^feeds\/broken\.xml:13:1:/,
    );
  });
});
