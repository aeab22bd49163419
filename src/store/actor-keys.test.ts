import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RasadError } from '../errors.js';
import { repoRoot } from '../kb/load.js';
import { loadResources } from '../pipeline.js';
import type { InputDocument } from '../types.js';
import { actorKey, actorKeys, resolveFilterActors, searchActorsAnyScript } from './actor-keys.js';
import { ingestDocuments } from './ingest.js';
import { openStore } from './open.js';

describe('actors asked for in Arabic', () => {
  it('Latin keys pass through without loading the dictionaries', () => {
    const never = () => {
      throw new Error('dictionaries loaded');
    };
    expect(actorKeys('SYRGOV', never)).toEqual(['SYRGOV']);
    expect(resolveFilterActors({ actor: 'SYR', pair: ['SYR', 'RUS'] }, never)).toEqual({
      actor: 'SYR',
      pair: ['SYR', 'RUS'],
    });
  });

  it('Arabic country names, nisbas and known people become store keys', () => {
    expect(actorKeys('سوريا', loadResources)).toEqual(['SYR']);
    expect(actorKey('الروسي', loadResources)).toBe('RUS');
    const putin = actorKey('الرئيس الروسي فلاديمير بوتين', loadResources);
    expect(putin).not.toMatch(/\p{Script=Arabic}/u);
    expect(putin).not.toBe('RUS');
    expect(resolveFilterActors({ pair: ['سوريا', 'روسيا'] }, loadResources)).toEqual({
      pair: ['SYR', 'RUS'],
    });
  });

  it('an Arabic query naming no known actor is a clear error', () => {
    expect(() => actorKey('كلام عام', loadResources)).toThrow(RasadError);
    expect(() => actorKey('كلام عام', loadResources)).toThrow(/"كلام عام": no known actor in it/);
  });

  it('searches the store by Arabic name', async () => {
    const store = await openStore(':memory:');
    const docs = readFileSync(join(repoRoot(), 'examples', 'articles.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as InputDocument);
    await ingestDocuments(store, docs);
    const arabic = await searchActorsAnyScript(store, 'السعودية', 20, loadResources);
    const latin = await searchActorsAnyScript(store, 'SAU', 20, loadResources);
    expect(arabic.length).toBeGreaterThan(0);
    expect(arabic.every((a) => a.code.startsWith('SAU'))).toBe(true);
    expect(arabic).toEqual(latin);
    await store.close();
  });
});
