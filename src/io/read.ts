/**
 * Document readers: a plain `.txt` file (one document, id = file name without extension),
 * `.jsonl` / `.jsonl.gz` files of input documents, directories of them, and standard input.
 * A malformed line is reported with file and line number and skipped; the rest goes on.
 */
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { RasadError } from '../errors.js';
import type { InputDocument } from '../types.js';

export interface ReadProblem {
  /** File (or `<stdin>`) and 1-based line, 0 when the whole file is concerned. */
  file: string;
  line: number;
  code: string;
  message: string;
}

export type ReadItem = { doc: InputDocument; file: string; line: number } | { problem: ReadProblem };

const DOC_EXTENSIONS = ['.txt', '.jsonl', '.jsonl.gz', '.ndjson'];

function docExtension(path: string): string | null {
  const lower = path.toLowerCase();
  for (const ext of DOC_EXTENSIONS) if (lower.endsWith(ext)) return ext;
  return null;
}

/** Files of a directory (recursively) that hold documents, in name order. */
export function listDocumentFiles(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listDocumentFiles(p));
    else if (docExtension(e.name)) out.push(p);
  }
  return out;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/** Decode bytes as UTF-8; invalid sequences become U+FFFD and are reported. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string; problem: ReadProblem | null } {
  try {
    return { text: utf8Strict.decode(bytes), problem: null };
  } catch {
    let bad = 0;
    const text = utf8Lenient.decode(bytes);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
    return {
      text,
      problem: {
        file,
        line: 0,
        code: 'INVALID_UTF8',
        message: `${file}: not valid UTF-8 (${bad} invalid byte sequence(s) replaced by U+FFFD); expected UTF-8 text`,
      },
    };
  }
}

/** Strip a leading byte-order mark. */
function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Validate a parsed JSON value as an input document. */
export function toDocument(value: unknown, where: string): InputDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RasadError('BAD_DOCUMENT', `${where}: expected a JSON object with "id" and "text"`);
  }
  const v = value as Record<string, unknown>;
  let id = v.id;
  if (typeof id === 'number') id = String(id);
  if (typeof id !== 'string' || id.length === 0) {
    throw new RasadError('BAD_DOCUMENT', `${where}: field "id" must be a non-empty string`);
  }
  if (typeof v.text !== 'string') {
    throw new RasadError('BAD_DOCUMENT', `${where}: field "text" must be a string (document "${id}")`);
  }
  const doc: InputDocument = { id, text: v.text };
  for (const f of ['published', 'title', 'url', 'source'] as const) {
    const x = v[f];
    if (x === undefined || x === null) continue;
    if (typeof x !== 'string') {
      throw new RasadError(
        'BAD_DOCUMENT',
        `${where}: field "${f}" must be a string or null (document "${id}")`,
      );
    }
    doc[f] = x;
  }
  return doc;
}

async function* readJsonLines(stream: Readable, file: string): AsyncGenerator<ReadItem> {
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const raw of rl) {
    line++;
    const s = line === 1 ? stripBom(raw) : raw;
    if (s.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(s);
    } catch (err) {
      yield {
        problem: {
          file,
          line,
          code: 'BAD_JSON',
          message: `${file}:${line}: not valid JSON (${(err as Error).message}); expected one document object per line`,
        },
      };
      continue;
    }
    try {
      yield { doc: toDocument(parsed, `${file}:${line}`), file, line };
    } catch (err) {
      yield { problem: { file, line, code: 'BAD_DOCUMENT', message: (err as Error).message } };
    }
  }
}

function bytesHaveInvalidUtf8(file: string): ReadProblem | null {
  // JSONL files are streamed; check validity up front for plain files only (gz are checked by JSON).
  try {
    utf8Strict.decode(readFileSync(file));
    return null;
  } catch {
    return {
      file,
      line: 0,
      code: 'INVALID_UTF8',
      message: `${file}: not valid UTF-8; invalid byte sequences were replaced by U+FFFD`,
    };
  }
}

/** Read the documents of one file. */
export async function* readFile(file: string): AsyncGenerator<ReadItem> {
  const ext = docExtension(file) ?? extname(file).toLowerCase();
  if (ext === '.txt' || ext === '') {
    const { text, problem } = decodeUtf8(readFileSync(file), file);
    if (problem) yield { problem };
    // a file without an extension (a pipe, /dev/fd/N) holding JSON Lines is read as JSON Lines
    if (ext === '' && /^\s*\{/.test(text)) {
      const { Readable } = await import('node:stream');
      yield* readJsonLines(Readable.from([stripBom(text)]), file);
      return;
    }
    const id = basename(file).replace(/\.[^.]+$/, '');
    yield { doc: { id, text: stripBom(text) }, file, line: 0 };
    return;
  }
  if (ext === '.jsonl.gz') {
    const gunzip = createGunzip();
    const input = createReadStream(file).pipe(gunzip);
    let failed: Error | null = null;
    input.on('error', (e) => {
      failed = e;
    });
    try {
      yield* readJsonLines(input, file);
    } catch (err) {
      failed = err as Error;
    }
    if (failed) {
      yield {
        problem: {
          file,
          line: 0,
          code: 'BAD_GZIP',
          message: `${file}: could not be decompressed (${(failed as Error).message}); expected gzip-compressed JSON Lines`,
        },
      };
    }
    return;
  }
  if (ext === '.jsonl' || ext === '.ndjson') {
    const invalid = statSync(file).size < 64 * 1024 * 1024 ? bytesHaveInvalidUtf8(file) : null;
    if (invalid) yield { problem: invalid };
    yield* readJsonLines(createReadStream(file, { encoding: 'utf8' }), file);
    return;
  }
  yield {
    problem: {
      file,
      line: 0,
      code: 'UNKNOWN_FORMAT',
      message: `${file}: unknown file type; expected .txt, .jsonl, .jsonl.gz or a directory of them`,
    },
  };
}

/** Read standard input: JSON Lines when the first non-blank character is `{`, else one text document. */
export async function* readStdin(stream: Readable = process.stdin): AsyncGenerator<ReadItem> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  const { text, problem } = decodeUtf8(Buffer.concat(chunks), '<stdin>');
  if (problem) yield { problem };
  const body = stripBom(text);
  if (/^\s*\{/.test(body)) {
    const { Readable } = await import('node:stream');
    yield* readJsonLines(Readable.from([body]), '<stdin>');
  } else {
    yield { doc: { id: 'stdin', text: body }, file: '<stdin>', line: 0 };
  }
}

/** Read documents from paths (files, directories, `-` for stdin). Never throws for one bad input. */
export async function* readDocuments(paths: string[]): AsyncGenerator<ReadItem> {
  if (paths.length === 0) {
    yield* readStdin();
    return;
  }
  for (const p of paths) {
    if (p === '-') {
      yield* readStdin();
      continue;
    }
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      yield { problem: { file: p, line: 0, code: 'NOT_FOUND', message: `${p}: no such file or directory` } };
      continue;
    }
    const files = st.isDirectory() ? listDocumentFiles(p) : [p];
    if (st.isDirectory() && files.length === 0) {
      yield {
        problem: {
          file: p,
          line: 0,
          code: 'EMPTY_DIRECTORY',
          message: `${p}: directory holds no .txt, .jsonl or .jsonl.gz files`,
        },
      };
    }
    for (const f of files) yield* readFile(f);
  }
}
