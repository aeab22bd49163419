/**
 * Article lookups for the exports: from a store (`getArticle`), with a small least-recently-used
 * cache (events come in date order, so the articles of neighbouring events repeat), and the
 * sentence spans of cached texts.
 */
import type { Store } from '../store/types.js';
import { sentenceSpans } from './fields.js';
import type { ArticleInfo, ArticleLookup } from './types.js';

/** A lookup over a store's articles; `text: false` drops texts from the cache (URLs and titles only). */
export function storeArticleLookup(
  store: Pick<Store, 'getArticle'>,
  opts: { text?: boolean; cacheSize?: number } = {},
): ArticleLookup {
  const keepText = opts.text ?? false;
  return cachedLookup(async (id) => {
    const a = await store.getArticle(id);
    if (!a) return null;
    return {
      id: a.id,
      url: a.url,
      title: a.title,
      source: a.source,
      published: a.published,
      text: keepText ? a.text : null,
    };
  }, opts.cacheSize ?? 256);
}

/** Wrap a lookup in an LRU cache of `size` entries (misses are cached too). */
export function cachedLookup(lookup: ArticleLookup, size: number): ArticleLookup {
  const cache = new Map<string, ArticleInfo | null>();
  return async (id) => {
    if (cache.has(id)) {
      const hit = cache.get(id) ?? null;
      cache.delete(id);
      cache.set(id, hit);
      return hit;
    }
    const info = await lookup(id);
    cache.set(id, info);
    if (cache.size > size) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return info;
  };
}

/** Sentence spans per article text, LRU-cached (splitting is the costly part of `source_text`). */
export class SentenceCache {
  private readonly cache = new Map<string, Array<[number, number]>>();
  constructor(private readonly size = 64) {}

  spans(articleId: string, text: string): Array<[number, number]> {
    const hit = this.cache.get(articleId);
    if (hit) {
      this.cache.delete(articleId);
      this.cache.set(articleId, hit);
      return hit;
    }
    const spans = sentenceSpans(text);
    this.cache.set(articleId, spans);
    if (this.cache.size > this.size) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return spans;
  }
}
