/**
 * Hash routes: `#/`, `#/relation/A/B`, `#/network`, `#/actor/CODE`, `#/map`, `#/article/ID`,
 * `#/try`, each with an optional `?query`. Path segments are URI-decoded.
 */

export interface Route {
  /** First path segment (`''` for the overview). */
  name: string;
  /** The remaining path segments, decoded. */
  args: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { name: parts[0] ?? '', args: parts.slice(1), query };
}

/** A hash for a route name, its arguments and query values (empty values left out). */
export function hashFor(
  name: string,
  args: string[] = [],
  query: Record<string, string | null | undefined> = {},
): string {
  const path = ['#', name, ...args.map(encodeURIComponent)].join('/').replace(/\/$/, '');
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) p.set(k, v);
  const s = p.toString();
  return `${path || '#/'}${s ? `?${s}` : ''}`;
}

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
