/**
 * The OpenAPI document at /openapi.json: valid (swagger-parser), with title, version and tags, a
 * description on every parameter, and every route listed in the comment of src/server/api-types.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/kb/load.js';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { body } from './fixtures.js';

/** `GET /api/events/:id` lines of the api-types.ts header comment, as [method, OpenAPI path]. */
function documentedRoutes(): Array<[string, string]> {
  const src = readFileSync(join(repoRoot(), 'src', 'server', 'api-types.ts'), 'utf8');
  const header = src.slice(0, src.indexOf('*/'));
  const routes: Array<[string, string]> = [];
  for (const m of header.matchAll(/^\s*\*\s+(GET|POST|PUT|DELETE|PATCH)\s+(\/\S*)/gm)) {
    const path = (m[2] as string).split('?')[0]!.replace(/:([A-Za-z]+)/g, '{$1}');
    routes.push([(m[1] as string).toLowerCase(), path]);
  }
  return routes;
}

let store: Store;
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is read as plain JSON
let doc: any;

beforeAll(async () => {
  store = await openStore(':memory:');
  const app = createApp({ store, loopback: true, staticDir: null });
  const res = await app.request('/openapi.json');
  expect(res.status).toBe(200);
  doc = await body(res);
});
afterAll(async () => {
  await store?.close();
});

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3 document', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it('has a title, a version and described tags', () => {
    expect(doc.info.title).toBe('Rasad API');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    const tags = new Set(doc.tags.map((t: { name: string }) => t.name));
    for (const path of Object.values(doc.paths) as Array<Record<string, { tags: string[] }>>)
      for (const op of Object.values(path)) for (const t of op.tags) expect(tags.has(t), t).toBe(true);
    expect(doc.tags.every((t: { description?: string }) => (t.description ?? '').length > 0)).toBe(true);
  });

  it('lists every route of api-types.ts', () => {
    const routes = documentedRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(14);
    const missing = routes
      .filter(([, p]) => p.startsWith('/api/'))
      .filter(([m, p]) => !doc.paths[p]?.[m])
      .map(([m, p]) => `${m.toUpperCase()} ${p}`);
    expect(missing).toEqual([]);
  });

  it('describes every parameter and declares the error responses', () => {
    const undescribed: string[] = [];
    interface Op {
      parameters?: Array<{ name: string; in: string; description?: string }>;
      requestBody?: unknown;
      responses: Record<string, unknown>;
    }
    for (const [path, ops] of Object.entries(doc.paths) as Array<[string, Record<string, Op>]>)
      for (const [method, op] of Object.entries(ops)) {
        for (const p of op.parameters ?? [])
          if (!p.description) undescribed.push(`${method.toUpperCase()} ${path} ${p.in}.${p.name}`);
        if (op.parameters?.length || op.requestBody)
          expect(op.responses['400'], `${method} ${path}`).toBeDefined();
      }
    expect(undescribed).toEqual([]);
    const events = doc.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name).sort();
    expect(events).toEqual(
      [
        'actor',
        'article',
        'code',
        'country',
        'from',
        'limit',
        'minArticles',
        'modality',
        'offset',
        'order',
        'pair',
        'place',
        'q',
        'quad',
        'source',
        'target',
        'to',
      ].sort(),
    );
    expect(doc.paths['/api/articles'].post.responses['401']).toBeDefined();
    expect(doc.paths['/api/articles'].post.responses['403']).toBeDefined();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
