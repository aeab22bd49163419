import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadItem } from '../io/read.js';
import { repoRoot } from '../kb/load.js';
import type { Resources } from '../pipeline.js';
import type { InputDocument } from '../types.js';
import { contentHash, ingestDocuments, ingestItems, reprocessStore } from './ingest.js';
import { openStore } from './open.js';

const examples = (): InputDocument[] =>
  readFileSync(join(repoRoot(), 'examples', 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as InputDocument);

describe('ingest', () => {
  it('hashes the text only', () => {
    expect(contentHash({ id: 'a', text: 'نص' })).toBe(contentHash({ id: 'b', text: 'نص', title: 'x' }));
    expect(contentHash({ id: 'a', text: 'نص' })).not.toBe(contentHash({ id: 'a', text: 'نص.' }));
  });

  it('stores each text once, within a batch and across runs', async () => {
    const store = await openStore(':memory:');
    const docs = examples();
    const twice = [...docs, ...docs.map((d) => ({ ...d, id: `${d.id}-copy` }))];
    const s = await ingestDocuments(store, twice, { batchSize: 7 });
    expect(s).toMatchObject({ documents: 20, stored: 10, duplicates: 10, failed: 0, problems: 0 });
    expect(s.mentions).toBeGreaterThan(10);
    const again = await ingestDocuments(store, docs);
    expect(again).toMatchObject({ documents: 10, stored: 0, duplicates: 10, mentions: 0, newEvents: 0 });
    const c = await store.counts();
    expect(c.articles).toBe(10);
    expect(c.mentions).toBe(s.mentions);
    await store.close();
  });

  it('a document whose extraction fails is stored as failed and the batch goes on', async () => {
    const store = await openStore(':memory:');
    const problems: string[] = [];
    const broken = {} as Resources; // extraction throws on every document
    const s = await ingestDocuments(store, examples().slice(0, 3), {
      resources: broken,
      onProblem: (m) => problems.push(m),
    });
    expect(s).toMatchObject({ documents: 3, stored: 3, failed: 3 });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^document ".+" failed: /);
    const c = await store.counts();
    expect(c).toMatchObject({ articles: 3, failed: 3, mentions: 0 });
    // re-extraction with working dictionaries repairs them
    const r = await reprocessStore(store, { status: 'failed' });
    expect(r).toMatchObject({ articles: 3, failed: 0 });
    expect((await store.counts()).failed).toBe(0);
    await store.close();
  });

  it('counts malformed input items and goes on', async () => {
    const store = await openStore(':memory:');
    async function* items(): AsyncGenerator<ReadItem> {
      yield { problem: { file: 'f.jsonl', line: 2, code: 'BAD_JSON', message: 'f.jsonl:2: not valid JSON' } };
      yield {
        doc: { id: 'x', text: 'استقبل الرئيس المصري وزير الخارجية الأردني في القاهرة.' },
        file: 'f.jsonl',
        line: 3,
      };
    }
    const seen: string[] = [];
    const s = await ingestItems(store, items(), { onProblem: (m) => seen.push(m) });
    expect(s).toMatchObject({ documents: 1, stored: 1, problems: 1 });
    expect(seen).toEqual(['f.jsonl:2: not valid JSON']);
    await store.close();
  });

  it('extract: false queues articles as pending; reprocess of pending extracts them', async () => {
    const store = await openStore(':memory:');
    const s = await ingestDocuments(store, examples(), { extract: false });
    expect(s).toMatchObject({ stored: 10, mentions: 0 });
    expect(await store.counts()).toMatchObject({ articles: 10, pending: 10, mentions: 0 });
    const r = await reprocessStore(store, { status: 'pending' });
    expect(r.articles).toBe(10);
    const c = await store.counts();
    expect(c.pending).toBe(0);
    expect(c.mentions).toBe(r.mentions);
    await store.close();
  });
});
