/**
 * The `rasad` command line as a user runs it: `node bin/rasad.js ...` in a child process.
 *
 * To test the sources as they are (not a stale dist/), beforeAll transpiles src/ into a scratch
 * copy of the package (package.json, bin/, a copy of data/, node_modules linked);
 * bin/rasad.js there runs that build, and the KB it reads is the copy, so `dict check` can be
 * shown a broken knowledge base without touching data/.
 *
 * Covered: extract on .txt, .jsonl (with one malformed line: file:line on stderr, the other
 * documents still produce records, exit status 2), .jsonl.gz, a directory, standard input
 * (plain text and JSON Lines); --explain shows the pattern id; dict check exits 0 on the real
 * data and 1 with file:line on a broken copy.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract, loadResources } from '../src/pipeline.js';
import type { EventRecord } from '../src/types.js';
import { REPO, recordProblems } from './fixtures/checks.js';

const VISIT = 'وصل وزير الخارجية السعودي إلى القاهرة اليوم في زيارة رسمية تستغرق يومين.';
const CALL = 'أجرى وزير الخارجية الأمريكي اتصالا هاتفيا مع نظيره الروسي، بحثا خلاله الأوضاع في أوكرانيا.';
const LAVROV = 'وصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق اليوم في زيارة رسمية.';

let root = '';
let work = '';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function rasad(args: string[], input?: string, cwd = work): Run {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'rasad.js'), ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const records = (stdout: string): EventRecord[] =>
  stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EventRecord);

const doc = (id: string, text: string, published = '2023-05-10') => JSON.stringify({ id, text, published });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rasad-cli-'));
  work = join(root, 'work');
  mkdirSync(work);
  cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
  cpSync(join(REPO, 'bin'), join(root, 'bin'), { recursive: true });
  cpSync(join(REPO, 'data'), join(root, 'data'), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  transpileSources(join(REPO, 'src'), join(root, 'dist', 'src'));
}, 120_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('rasad extract', () => {
  it('bad lines and paths are reported with file:line, the other documents still produce records, exit 2', () => {
    const file = join(work, 'mixed.jsonl');
    writeFileSync(
      file,
      [
        doc('one', VISIT),
        '{"id": "broken", "text": "وصل',
        doc('three', LAVROV),
        '{"id": "four"}',
        '[1,2]',
        '',
      ].join('\n'),
    );
    const missing = join(work, 'no-such-file.jsonl');
    const corrupt = join(work, 'corrupt.jsonl.gz');
    writeFileSync(corrupt, Buffer.from('this is not gzip at all'));
    const after = join(work, 'after.txt');
    writeFileSync(after, CALL);
    const r = rasad(['extract', file, missing, corrupt, after]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:2`);
    expect(r.stderr).toContain(`${file}:4`);
    expect(r.stderr).toContain(`${file}:5`);
    expect(r.stderr).not.toContain(`${file}:1:`);
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toContain(corrupt);
    const recs = records(r.stdout);
    for (const e of recs)
      expect(recordProblems(e, e.article === 'after' ? CALL : e.article === 'one' ? VISIT : LAVROV)).toEqual(
        [],
      );
    // input order, and nothing from the bad lines
    expect([...new Set(recs.map((e) => e.article))]).toEqual(['one', 'three', 'after']);
  });

  it('a directory: .txt (id = file name), .jsonl and .jsonl.gz (also in subdirectories), in name order', () => {
    const dir = join(work, 'dir');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'a-visit.txt'), VISIT);
    writeFileSync(join(dir, 'b.jsonl'), `${doc('b-call', CALL)}\n`);
    writeFileSync(join(dir, 'sub', 'c.jsonl.gz'), gzipSync(Buffer.from(`${doc('c-lavrov', LAVROV)}\n`)));
    writeFileSync(join(dir, 'notes.md'), 'not a document');
    const r = rasad(['extract', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const recs = records(r.stdout);
    expect([...new Set(recs.map((e) => e.article))]).toEqual(['a-visit', 'b-call', 'c-lavrov']);
    // the CLI writes exactly the library's records (a .txt has no published date)
    const res = loadResources();
    const lib = [
      ...extract({ id: 'a-visit', text: VISIT }, res),
      ...extract({ id: 'b-call', text: CALL, published: '2023-05-10' }, res),
      ...extract({ id: 'c-lavrov', text: LAVROV, published: '2023-05-10' }, res),
    ];
    expect(recs).toEqual(JSON.parse(JSON.stringify(lib)));
    expect(recs.some((e) => e.article === 'a-visit' && e.code === '042' && e.source?.code === 'SAUGOV')).toBe(
      true,
    );
  });

  it('standard input: plain text is one document "stdin"', () => {
    const r = rasad(['extract'], VISIT);
    expect(r.status).toBe(0);
    const recs = records(r.stdout);
    expect(recs.length).toBeGreaterThan(0);
    for (const e of recs) expect(e.article).toBe('stdin');
  });

  it('standard input: JSON Lines with "-"', () => {
    const r = rasad(['extract', '-'], `${doc('x1', VISIT)}\n${doc('x2', LAVROV)}\n`);
    expect(r.status).toBe(0);
    expect([...new Set(records(r.stdout).map((e) => e.article))]).toEqual(['x1', 'x2']);
  });

  it('--explain shows the sentence, the event code and the pattern id that fired', () => {
    const text = `${VISIT}\n${LAVROV}`;
    const file = join(work, 'explain.jsonl');
    writeFileSync(file, `${doc('ex', text)}\n`);
    const expected = extract({ id: 'ex', text, published: '2023-05-10' }, loadResources());
    expect(expected.length).toBeGreaterThan(1);
    const r = rasad(['extract', '--explain', file]);
    expect(r.status).toBe(0);
    for (const e of expected) {
      expect(r.stdout).toContain(e.pattern);
      expect(r.stdout).toContain(e.code);
    }
    expect(r.stdout).toContain('القاهرة');
  });
});

describe('rasad dict check', () => {
  it('exits 0 on the real data and prints counts', () => {
    const r = rasad(['dict', 'check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/0 error\(s\)/);
    expect(r.stdout).toContain('event patterns');
  });

  it('exits 1 and names file:line on a broken copy of data/kb', () => {
    const places = join(root, 'data', 'kb', 'places.tsv');
    const badLine = appendLine(places, 'atlantis\tAtlantis\tأطلانطس\tXXX\tabc\t200\tcity\t-');
    const roles = join(root, 'data', 'kb', 'roles.tsv');
    const roleLine = appendLine(roles, 'Bad Key\tوزير الفضاء\tGOVX\tSpace Minister\tperson');
    try {
      const r = rasad(['dict', 'check']);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(`data/kb/places.tsv:${badLine}:`);
      expect(r.stdout).toContain(`data/kb/roles.tsv:${roleLine}:`);
      expect(r.stdout).not.toMatch(/^0 error\(s\)/m);
      // the pipeline refuses to run on it, naming the file and line
      const x = rasad(['extract'], VISIT);
      expect(x.status).not.toBe(0);
      expect(x.stderr).toContain(`places.tsv:${badLine}`);
    } finally {
      cpSync(join(REPO, 'data', 'kb'), join(root, 'data', 'kb'), { recursive: true });
    }
  });
});

/**
 * Compile every non-test .ts file under `from` to .js under `to`, one file at a time
 * (ts.transpileModule: types are stripped, not checked — `npm run typecheck` does that).
 * Much faster than a full tsc build, and always the sources as they are now.
 */
function transpileSources(from: string, to: string): void {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, e.name);
    if (e.isDirectory()) {
      transpileSources(src, join(to, e.name));
      continue;
    }
    if (!e.name.endsWith('.ts') || e.name.endsWith('.test.ts') || e.name.endsWith('.d.ts')) continue;
    const out = ts.transpileModule(readFileSync(src, 'utf8'), {
      fileName: src,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    mkdirSync(to, { recursive: true });
    writeFileSync(join(to, e.name.replace(/\.ts$/, '.js')), out);
  }
}

/** Append one line to a TSV file; returns its 1-based line number. */
function appendLine(file: string, line: string): number {
  const before = readFileSync(file, 'utf8');
  const prefix = before.endsWith('\n') || before === '' ? '' : '\n';
  appendFileSync(file, `${prefix}${line}\n`);
  return (before + prefix).split('\n').length;
}
