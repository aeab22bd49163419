import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FixtureServer,
  fixtureText,
  startFixtureServer,
  win1256Page,
} from '../../test/fixtures/web/server.js';
import { RasadError } from '../errors.js';
import { decodeBody, detectCharset, fetchResource, fetchText } from './fetch.js';
import { htmlToDocument } from './html.js';

let srv: FixtureServer;
beforeAll(async () => {
  srv = await startFixtureServer();
});
afterAll(async () => {
  await srv?.close();
});

async function failure(p: Promise<unknown>): Promise<RasadError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RasadError) return e;
    throw e;
  }
  throw new Error('expected a RasadError');
}

describe('fetchText', () => {
  it('fetches a UTF-8 page and follows redirects', async () => {
    const r = await fetchResource(`${srv.base}/redirect`);
    expect(r.url).toBe(`${srv.base}/politics/jordan-egypt-water`);
    expect(r.status).toBe(200);
    expect(r.charset).toBe('utf-8');
    expect(r.text).toBe(fixtureText('article-meta.html'));
    expect(await fetchText(`${srv.base}/politics/jordan-egypt-water`)).toBe(r.text);
  });

  it('sends the user agent it is given', async () => {
    let ua = '';
    srv.routes.set('/ua', (req, res) => {
      ua = req.headers['user-agent'] ?? '';
      res.end('ok');
    });
    await fetchText(`${srv.base}/ua`, { userAgent: 'RasadTest/1' });
    expect(ua).toBe('RasadTest/1');
  });

  it('decodes windows-1256 pages declared by <meta charset> or by Content-Type', async () => {
    const expected = htmlToDocument(win1256Page()).text;
    expect(expected).toContain('أعلنت الوساطة السعودية الأمريكية، يوم السبت، توصل طرفي النزاع في السودان');
    for (const route of ['/win1256-meta', '/win1256-header']) {
      const r = await fetchResource(`${srv.base}${route}`);
      expect(r.charset).toBe('windows-1256');
      expect(htmlToDocument(r.text).text).toBe(expected);
    }
  });

  it('reports a non-2xx status naming the URL and the status', async () => {
    const e = await failure(fetchText(`${srv.base}/missing-page`));
    expect(e.code).toBe('FETCH_FAILED');
    expect(e.message).toBe(`${srv.base}/missing-page: HTTP 404 Not Found; expected a 2xx response`);
  });

  it('times out on a slow response and on a stalled body', async () => {
    const slow = await failure(fetchText(`${srv.base}/slow`, { timeoutMs: 200 }));
    expect(slow.message).toBe(`${srv.base}/slow: no complete response within 200 ms`);
    const stalled = await failure(fetchText(`${srv.base}/stalled-body`, { timeoutMs: 200 }));
    expect(stalled.message).toBe(`${srv.base}/stalled-body: no complete response within 200 ms`);
  });

  it('refuses bodies over the size cap, declared or streamed', async () => {
    const declared = await failure(fetchText(`${srv.base}/big`, { maxBytes: 1024 * 1024 }));
    expect(declared.message).toMatch(/\/big: body of 2097152 bytes exceeds the limit of 1048576 bytes$/);
    const streamed = await failure(fetchText(`${srv.base}/big-chunked`, { maxBytes: 1024 * 1024 }));
    expect(streamed.message).toMatch(/\/big-chunked: body exceeds the limit of 1048576 bytes$/);
    expect((await fetchText(`${srv.base}/big-chunked`, { maxBytes: 4 * 1024 * 1024 })).length).toBe(
      2 * 1024 * 1024,
    );
  });

  it('accepts only absolute http(s) URLs', async () => {
    for (const url of ['ftp://example.org/feed.xml', 'file:///etc/passwd', 'news.example/page', '']) {
      const e = await failure(fetchText(url));
      expect(e.code).toBe('BAD_URL');
      expect(e.message.startsWith(`${url}: `)).toBe(true);
    }
  });

  it('reports a refused connection naming the URL', async () => {
    const other = await startFixtureServer();
    const url = `${other.base}/x`;
    await other.close();
    const e = await failure(fetchText(url, { timeoutMs: 5000 }));
    expect(e.code).toBe('FETCH_FAILED');
    expect(e.message).toMatch(new RegExp(`^${url.replace(/[.]/g, '\\.')}: could not be fetched \\(`));
  });
});

describe('charset detection', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('prefers a BOM, then Content-Type, then the document declaration, else UTF-8', () => {
    expect(detectCharset(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41), 'text/html; charset=windows-1256')).toBe(
      'utf-8',
    );
    expect(detectCharset(bytes('<meta charset="utf-8">'), 'text/html; charset="Windows-1256"')).toBe(
      'windows-1256',
    );
    expect(
      detectCharset(
        bytes('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'),
        null,
      ),
    ).toBe('windows-1256');
    expect(
      detectCharset(bytes('<?xml version="1.0" encoding="windows-1256"?><rss/>'), 'application/xml'),
    ).toBe('windows-1256');
    expect(detectCharset(bytes('<p>x</p>'), 'text/html; charset=no-such-charset')).toBe('utf-8');
    expect(decodeBody(Uint8Array.of(0xc7, 0xe1, 0xd1), 'text/plain; charset=cp1256').text).toBe('الر');
  });
});
