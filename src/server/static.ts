/**
 * The dashboard's static files: files of the built directory (`dist/web` by default) at `/`, with
 * a single-page-app fallback to `index.html` for paths outside `/api`; when the directory is not
 * built, `/` answers a short page saying how to build it. Paths never leave the directory.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { repoRoot } from '../kb/load.js';

/** Where `npm run build` puts the dashboard. */
export function defaultStaticDir(): string {
  return join(repoRoot(), 'dist', 'web');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The Content-Security-Policy of the dashboard: own files only, no eval, inline styles allowed. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>رصد</title></head>
<body>
<h1>رصد — Rasad</h1>
<p>لوحة المتابعة غير مبنية بعد. شغّل <code>npm run build</code> ثم أعد تشغيل الخادم.</p>
<p dir="ltr">The dashboard is not built: run <code>npm run build</code>, then restart <code>rasad serve</code>.
The JSON API works: <a href="/api/health">/api/health</a>, <a href="/openapi.json">/openapi.json</a>.</p>
</body>
</html>
`;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A handler answering GET/HEAD requests for the dashboard from `dir` (null: not built). */
export function staticHandler(dir: string | null) {
  const root = dir && existsSync(join(dir, 'index.html')) ? resolve(dir) : null;
  return async (c: Context): Promise<Response> => {
    if (!root) return c.html(NOT_BUILT, c.req.path === '/' || c.req.path === '/index.html' ? 200 : 404);
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path);
    } catch {
      rel = '/';
    }
    let file = resolve(root, `.${rel}`);
    const inside = file === root || file.startsWith(root + sep);
    if (!inside || rel.includes('\0') || !isFile(file)) {
      // files that look like assets 404; anything else is a route of the app
      if (inside && extname(rel) !== '' && extname(rel) !== '.html') return c.notFound();
      file = join(root, 'index.html');
    }
    const body = await readFile(file);
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    c.header('Content-Type', type);
    c.header('Cache-Control', file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600');
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(new Uint8Array(body), 200);
  };
}
