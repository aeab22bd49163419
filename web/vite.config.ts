/**
 * Vite build of the dashboard: `web/` is the root, the output goes to `dist/web` at the repository
 * root, which `rasad serve` serves at `/`. Everything is bundled (the server's CSP allows only
 * `'self'`): no CDN, no web fonts, no map tiles.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The overview (the first view) draws its chart with the `charts` chunk, loaded by `import()`:
 * preload it from index.html so it downloads beside the entry instead of after it.
 */
function preloadCharts(): Plugin {
  return {
    name: 'rasad-preload-charts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'charts');
        if (!chunk) return [];
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [preloadCharts()],
  root: webRoot,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
