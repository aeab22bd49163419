/**
 * Security and limits of the HTTP API: who may write (loopback or not, with or without a token),
 * body and page-size limits, the JSON error shape for every failure (including 500s without stack
 * traces and RasadErrors as 400), no CORS, and the dashboard's static files with their headers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RasadError } from '../../src/errors.js';
import { loadResources } from '../../src/pipeline.js';
import { createApp } from '../../src/server/app.js';
import { isLoopbackHost } from '../../src/server/auth.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { body } from './fixtures.js';

let store: Store;
const TOKEN = 's3cret-token-for-tests';
const doc = (i: number) => ({
  id: `sec-${i}`,
  text: `وصل وزير الخارجية العماني إلى طهران في زيارة رقم ${i}.`,
});

const put = (app: ReturnType<typeof createApp>, json: unknown, auth?: string) =>
  app.request('/api/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify(json),
  });

beforeAll(async () => {
  store = await openStore(':memory:');
  loadResources();
});
afterAll(async () => {
  await store?.close();
});

describe('write access', () => {
  it('loopback without a token: writes are open', async () => {
    const app = createApp({ store, loopback: true, staticDir: null });
    const res = await put(app, doc(1));
    expect(res.status).toBe(200);
    expect((await body(res)).stored).toBe(1);
  });

  it('loopback with a token: the token is required and checked', async () => {
    const app = createApp({ store, loopback: true, token: TOKEN, staticDir: null });
    const none = await put(app, doc(2));
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await body(none)).error.code).toBe('UNAUTHORIZED');
    const wrong = await put(app, doc(2), `Bearer ${TOKEN}x`);
    expect(wrong.status).toBe(401);
    const basic = await put(app, doc(2), `Basic ${TOKEN}`);
    expect(basic.status).toBe(401);
    const right = await put(app, doc(2), `Bearer ${TOKEN}`);
    expect(right.status).toBe(200);
    expect((await body(right)).stored).toBe(1);
  });

  it('off loopback without a token: writes are refused with 403 naming RASAD_TOKEN', async () => {
    const app = createApp({ store, loopback: false, staticDir: null });
    const res = await put(app, doc(3), `Bearer ${TOKEN}`);
    expect(res.status).toBe(403);
    const b = await body(res);
    expect(b.error.code).toBe('FORBIDDEN');
    expect(b.error.message).toContain('RASAD_TOKEN');
    // reads and extraction stay open
    expect((await app.request('/api/health')).status).toBe(200);
    const ex = await app.request('/api/extract', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: doc(3).text }),
    });
    expect(ex.status).toBe(200);
  });

  it('off loopback with a token: only the right token writes', async () => {
    const app = createApp({ store, loopback: false, token: TOKEN, staticDir: null });
    expect((await put(app, doc(4))).status).toBe(401);
    expect((await put(app, doc(4), 'Bearer nope')).status).toBe(401);
    expect((await put(app, doc(4), `bearer ${TOKEN}`)).status).toBe(200);
  });

  it('an empty token counts as none', async () => {
    const app = createApp({ store, loopback: false, token: '', staticDir: null });
    expect((await put(app, doc(5))).status).toBe(403);
  });

  it('knows loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.4', 'example.org', '128.0.0.1'])
      expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe('limits', () => {
  it('a body over the limit is a 413 JSON error, on both POST routes', async () => {
    const app = createApp({ store, loopback: true, staticDir: null, maxBodyBytes: 1000 });
    const big = JSON.stringify({ text: 'ن'.repeat(2000) });
    for (const path of ['/api/extract', '/api/articles']) {
      const res = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: big,
      });
      expect(res.status, path).toBe(413);
      expect((await body(res)).error.code, path).toBe('PAYLOAD_TOO_LARGE');
    }
    const small = await app.request('/api/extract', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'نص' }),
    });
    expect(small.status).toBe(200);
  });

  it('the default body limit is 2 MB', async () => {
    const app = createApp({ store, loopback: true, staticDir: null });
    const res = await app.request('/api/extract', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'a'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
  });

  it('page sizes above the maximum are 400, not clamped', async () => {
    const app = createApp({ store, loopback: true, staticDir: null, maxPageSize: 20 });
    expect((await app.request('/api/events?limit=20')).status).toBe(200);
    const res = await app.request('/api/events?limit=21');
    expect(res.status).toBe(400);
    expect((await body(res)).error.message).toMatch(/query\.limit: at most 20/);
    expect((await app.request('/api/search?q=x&limit=21')).status).toBe(400);
  });

  it('a body that is not JSON is refused', async () => {
    const app = createApp({ store, loopback: true, staticDir: null });
    const res = await app.request('/api/extract', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'نص',
    });
    expect(res.status).toBe(415);
    expect((await body(res)).error.message).toContain('application/json');
  });
});

describe('errors', () => {
  it('unknown routes are JSON 404s', async () => {
    const app = createApp({ store, loopback: true, staticDir: null });
    for (const [method, path] of [
      ['GET', '/api/nothing'],
      ['DELETE', '/api/events'],
      ['POST', '/elsewhere'],
    ] as const) {
      const res = await app.request(path, { method });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(await body(res)).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
  });

  it('an unexpected failure is a 500 without internals; a RasadError is a 400 with its code', async () => {
    const reported: Error[] = [];
    const broken = Object.create(store) as Store;
    broken.counts = async () => {
      throw new Error('disk on fire at /secret/path');
    };
    broken.overview = async () => {
      throw new RasadError('BAD_DATE', 'date "x" is not YYYY-MM-DD');
    };
    const app = createApp({
      store: broken,
      loopback: true,
      staticDir: null,
      onInternalError: (e) => reported.push(e),
    });
    const res = await app.request('/api/health');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL_ERROR', message: 'internal server error' } });
    expect(text).not.toContain('secret');
    expect(text).not.toContain('at ');
    expect(reported.map((e) => e.message)).toEqual(['disk on fire at /secret/path']);
    const rasad = await app.request('/api/overview');
    expect(rasad.status).toBe(400);
    expect(await body(rasad)).toEqual({ error: { code: 'BAD_DATE', message: 'date "x" is not YYYY-MM-DD' } });
  });

  it('sends no CORS headers, even to a cross-origin preflight', async () => {
    const app = createApp({ store, loopback: true, staticDir: null });
    const res = await app.request('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await app.request('/api/articles', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the dashboard', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rasad-web-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>لوحة</title><script src="/assets/app.js"></script>',
    );
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1);');
    writeFileSync(join(dir, '..', 'rasad-outside.txt'), 'outside');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(dir, '..', 'rasad-outside.txt'), { force: true });
  });

  it('serves the built files with a CSP, and index.html for app routes', async () => {
    const app = createApp({ store, loopback: true, staticDir: dir });
    const index = await app.request('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toContain('لوحة');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).not.toContain('unsafe-eval');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await app.request('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toBe('console.log(1);');
    const route = await app.request('/actors/SYRGOV');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('لوحة');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    // the API is not shadowed by the fallback
    expect((await app.request('/api/unknown')).headers.get('content-type')).toMatch(/json/);
  });

  it('never serves files outside the directory', async () => {
    const app = createApp({ store, loopback: true, staticDir: dir });
    for (const p of [
      '/../rasad-outside.txt',
      '/%2e%2e/rasad-outside.txt',
      '/assets/..%2f..%2frasad-outside.txt',
    ]) {
      const res = await app.request(p);
      expect(await res.text(), p).not.toBe('outside');
    }
  });

  it('says how to build it when the directory is missing', async () => {
    const app = createApp({ store, loopback: true, staticDir: join(dir, 'not-there') });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build');
  });
});
