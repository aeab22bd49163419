/**
 * Loads the human-editable word lists of data/lexicon/ (format: data/lexicon/README.md).
 * Works from the sources (src/text) and from the build (dist/src/text): the data folder
 * is found by walking up from this module.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let dataDir: string | null | undefined;

/** The project's data/lexicon folder, or null when it cannot be found. */
export function lexiconDir(): string | null {
  if (dataDir !== undefined) return dataDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const cand = join(dir, 'data', 'lexicon');
    if (existsSync(cand)) {
      dataDir = cand;
      return cand;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  dataDir = null;
  return null;
}

/** One entry of a word list: the word and the optional second column. */
export interface LexiconLine {
  word: string;
  value: string | null;
  line: number;
}

/**
 * Read a word list: one entry a line, `#` starts a comment, blank lines ignored,
 * an optional second column after a tab. Missing file → [].
 */
export function readWordList(name: string): LexiconLine[] {
  const dir = lexiconDir();
  if (dir === null) return [];
  const file = join(dir, name);
  if (!existsSync(file)) return [];
  const out: LexiconLine[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!;
    const hash = l.indexOf('#');
    if (hash >= 0) l = l.slice(0, hash);
    l = l.trim();
    if (l === '') continue;
    const tab = l.indexOf('\t');
    if (tab < 0) out.push({ word: l, value: null, line: i + 1 });
    else out.push({ word: l.slice(0, tab).trim(), value: l.slice(tab + 1).trim() || null, line: i + 1 });
  }
  return out;
}
