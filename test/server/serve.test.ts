/**
 * `startServer` over a real socket: listens on a free port, answers fetch, refuses a port in use
 * with a RasadError, and closes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RasadError } from '../../src/errors.js';
import { startServer } from '../../src/server/serve.js';
import { openStore } from '../../src/store/open.js';
import { body, exampleDocs } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'rasad-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startServer', () => {
  it('serves the API over HTTP, stores over HTTP, and closes', async () => {
    const db = join(dir, 'serve.db');
    const server = await startServer({ db, host: '127.0.0.1', port: 0, token: null, staticDir: null });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.port).toBeGreaterThan(0);
      expect(server.writesOpen).toBe(true);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await body(health)).toMatchObject({ ok: true, store: 'sqlite', counts: { articles: 0 } });
      const docs = exampleDocs().slice(0, 2);
      const put = await fetch(`${server.url}/api/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ documents: docs }),
      });
      expect(put.status).toBe(200);
      expect(await body(put)).toMatchObject({ documents: 2, stored: 2 });
      const page = await body(await fetch(`${server.url}/api/events?limit=5`));
      expect(page.total).toBeGreaterThan(0);
      const tooBig = await fetch(`${server.url}/api/extract`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'ن'.repeat(1_200_000) }),
      });
      expect(tooBig.status).toBe(413);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    // the data outlives the server
    const store = await openStore(db);
    expect((await store.counts()).articles).toBe(2);
    await store.close();
  });

  it('refuses a port in use with a RasadError, and a port out of range', async () => {
    const store = await openStore(':memory:');
    const first = await startServer({ store, port: 0, staticDir: null });
    try {
      const err = await startServer({ store, port: first.port, staticDir: null }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RasadError);
      expect((err as RasadError).code).toBe('PORT_IN_USE');
      expect((err as RasadError).message).toContain(String(first.port));
      const bad = await startServer({ store, port: 70000 }).catch((e: unknown) => e);
      expect((bad as RasadError).code).toBe('BAD_ARGUMENT');
    } finally {
      await first.close();
    }
    // a store passed in is left open
    expect((await store.counts()).articles).toBe(0);
    await store.close();
  });

  it('off loopback without a token, writes are locked', async () => {
    const store = await openStore(':memory:');
    const server = await startServer({ store, host: '0.0.0.0', port: 0, token: null, staticDir: null });
    try {
      expect(server.writesEnabled).toBe(false);
      const res = await fetch(`http://127.0.0.1:${server.port}/api/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'نص' }),
      });
      expect(res.status).toBe(403);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
