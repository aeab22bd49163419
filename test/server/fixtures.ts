/**
 * Shared setup of the API tests: a SQLite `:memory:` store filled by ingesting the project's
 * example articles and, when ../shared/seed is present, the seed article (read at test time).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/kb/load.js';
import { loadResources } from '../../src/pipeline.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import type { InputDocument } from '../../src/types.js';
import { haveSeed, SEED_PATH, SEED_PUBLISHED } from '../fixtures/checks.js';

export const SEED_ID = 'seed-000';

export function exampleDocs(): InputDocument[] {
  return readFileSync(join(repoRoot(), 'examples', 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as InputDocument);
}

export function seedDoc(): InputDocument | null {
  if (!haveSeed) return null;
  return { id: SEED_ID, text: readFileSync(SEED_PATH, 'utf8'), published: SEED_PUBLISHED, source: 'seed' };
}

/** A fresh in-memory store holding the examples (and the seed when present). */
export async function filledStore(): Promise<Store> {
  const store = await openStore(':memory:');
  const seed = seedDoc();
  const docs = [...exampleDocs(), ...(seed ? [seed] : [])];
  await ingestDocuments(store, docs, { resources: loadResources() });
  return store;
}

/** JSON body of a response, typed loosely for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test helper reading arbitrary JSON
export async function body(res: Response): Promise<any> {
  return res.json();
}
