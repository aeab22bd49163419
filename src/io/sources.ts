/**
 * All document sources in one reader: what read.ts reads (.txt, .jsonl, .jsonl.gz, stdin),
 * plus HTML pages (.html/.htm files, one document each), feed files (.xml/.rss/.atom),
 * http(s) URLs (a page, or a feed when the body is RSS/Atom) and explicit feed URLs or files.
 * Directories may mix file kinds. A bad input is reported and the rest goes on.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RasadError } from '../errors.js';
import { type FetchPage, feedToDocuments, looksLikeFeed } from './feed.js';
import { decodeBody, type FetchOptions, pageFetcher } from './fetch.js';
import { htmlToDocument } from './html.js';
import { type ReadItem, type ReadProblem, readFile, readStdin } from './read.js';

export interface SourceOptions {
  /** Feed URLs or feed files, read in addition to `paths`. */
  feeds?: string[];
  /** Fetches pages and feeds by URL; default: fetch.ts with `fetch` options. */
  fetchPage?: FetchPage;
  /** Options of the default fetcher. */
  fetch?: FetchOptions;
  /** Feed full text shorter than this is replaced by the page's text (see feed.ts). */
  minContentChars?: number;
}

type Kind = 'doc' | 'html' | 'feed';

function kindOf(path: string): Kind | null {
  const p = path.toLowerCase();
  if (/\.(?:html?|xhtml)$/.test(p)) return 'html';
  if (/\.(?:xml|rss|atom)$/.test(p)) return 'feed';
  if (/\.(?:txt|jsonl|jsonl\.gz|ndjson)$/.test(p)) return 'doc';
  return null;
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** Files of a directory (recursively) that Rasad reads, in name order. */
export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listSourceFiles(p));
    else if (kindOf(e.name)) out.push(p);
  }
  return out;
}

const problem = (file: string, code: string, message: string): ReadItem => ({
  problem: { file, line: 0, code, message } satisfies ReadProblem,
});

function errorItem(file: string, err: unknown): ReadItem {
  const code = err instanceof RasadError ? err.code : 'EXTRACTION_FAILED';
  const msg = (err as Error).message;
  return problem(file, code, msg.startsWith(file) ? msg : `${file}: ${msg}`);
}

/** One HTML file → one document; its id is the page's URL hash, or the file name when it has no URL. */
export function readHtmlFile(file: string): ReadItem {
  try {
    const { text } = decodeBody(readFileSync(file), null);
    const doc = htmlToDocument(text, { name: file });
    if (!doc.url) doc.id = basename(file).replace(/\.[^.]+$/, '');
    return { doc, file, line: 0 };
  } catch (err) {
    return errorItem(file, err);
  }
}

async function* readFeedFile(
  file: string,
  opts: SourceOptions,
  fetchPage: FetchPage,
): AsyncGenerator<ReadItem> {
  let text: string;
  try {
    text = decodeBody(readFileSync(file), null).text;
  } catch (err) {
    yield errorItem(file, err);
    return;
  }
  yield* feedToDocuments(text, { feedUrl: file, fetchPage, minContentChars: opts.minContentChars });
}

/** A URL: a feed when its body is RSS/Atom (or `asFeed`), else a page. */
async function* readUrl(
  url: string,
  opts: SourceOptions,
  fetchPage: FetchPage,
  asFeed: boolean,
): AsyncGenerator<ReadItem> {
  let body: string;
  try {
    body = await fetchPage(url);
  } catch (err) {
    yield errorItem(url, err);
    return;
  }
  if (asFeed || looksLikeFeed(body)) {
    yield* feedToDocuments(body, { feedUrl: url, fetchPage, minContentChars: opts.minContentChars });
    return;
  }
  try {
    yield { doc: htmlToDocument(body, { url, name: url }), file: url, line: 0 };
  } catch (err) {
    yield errorItem(url, err);
  }
}

async function* readPathFile(
  file: string,
  opts: SourceOptions,
  fetchPage: FetchPage,
): AsyncGenerator<ReadItem> {
  const kind = kindOf(file);
  if (kind === 'html') yield readHtmlFile(file);
  else if (kind === 'feed') yield* readFeedFile(file, opts, fetchPage);
  else if (kind === 'doc' || !/\.[a-z0-9]+$/i.test(basename(file))) yield* readFile(file);
  else {
    yield problem(
      file,
      'UNKNOWN_FORMAT',
      `${file}: unknown file type; expected .txt, .jsonl, .jsonl.gz, .html, .htm, .xml, .rss, .atom or a directory of them`,
    );
  }
}

/**
 * Read documents from paths (files, directories, `-` for stdin, http(s) URLs) and feeds.
 * With neither paths nor feeds, standard input is read. Never throws for one bad input.
 */
export async function* readSources(paths: string[], opts: SourceOptions = {}): AsyncGenerator<ReadItem> {
  const fetchPage = opts.fetchPage ?? pageFetcher(opts.fetch);
  const feeds = opts.feeds ?? [];
  if (paths.length === 0 && feeds.length === 0) {
    yield* readStdin();
    return;
  }
  for (const p of paths) {
    if (p === '-') {
      yield* readStdin();
      continue;
    }
    if (isUrl(p)) {
      yield* readUrl(p, opts, fetchPage, false);
      continue;
    }
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      yield problem(p, 'NOT_FOUND', `${p}: no such file or directory`);
      continue;
    }
    if (!st.isDirectory()) {
      yield* readPathFile(p, opts, fetchPage);
      continue;
    }
    const files = listSourceFiles(p);
    if (files.length === 0) {
      yield problem(
        p,
        'EMPTY_DIRECTORY',
        `${p}: directory holds no .txt, .jsonl, .jsonl.gz, .html, .htm, .xml, .rss or .atom files`,
      );
    }
    for (const f of files) yield* readPathFile(f, opts, fetchPage);
  }
  for (const f of feeds) {
    if (isUrl(f)) {
      yield* readUrl(f, opts, fetchPage, true);
      continue;
    }
    try {
      statSync(f);
    } catch {
      yield problem(f, 'NOT_FOUND', `${f}: no such feed file; expected an http(s) feed URL or a feed file`);
      continue;
    }
    yield* readFeedFile(f, opts, fetchPage);
  }
}
