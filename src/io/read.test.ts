import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ReadItem, readDocuments, readStdin } from './read.js';

async function collect(it: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}
const docs = (items: ReadItem[]) => items.flatMap((i) => ('doc' in i ? [i.doc] : []));
const problems = (items: ReadItem[]) => items.flatMap((i) => ('problem' in i ? [i.problem] : []));

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'rasad-read-'));
}

describe('document readers', () => {
  it('reads a .txt file as one document named after the file', async () => {
    const d = tmp();
    writeFileSync(join(d, 'خبر-1.txt'), '\uFEFFوصل الوزير إلى الرياض.');
    const items = await collect(readDocuments([join(d, 'خبر-1.txt')]));
    expect(docs(items)).toEqual([{ id: 'خبر-1', text: 'وصل الوزير إلى الرياض.' }]);
  });

  it('reports a malformed JSONL line with file and line, and reads the rest', async () => {
    const d = tmp();
    const f = join(d, 'a.jsonl');
    writeFileSync(
      f,
      [
        JSON.stringify({ id: 'a', text: 'نص أول', published: '2015-07-01' }),
        '{not json',
        JSON.stringify({ id: 'b' }),
        '',
        JSON.stringify({ id: 7, text: 'نص ثالث', title: null }),
      ].join('\n'),
    );
    const items = await collect(readDocuments([f]));
    expect(docs(items).map((x) => x.id)).toEqual(['a', '7']);
    expect(docs(items)[0]!.published).toBe('2015-07-01');
    const ps = problems(items);
    expect(ps.map((p) => [p.line, p.code])).toEqual([
      [2, 'BAD_JSON'],
      [3, 'BAD_DOCUMENT'],
    ]);
    expect(ps[0]!.message).toContain(`${f}:2`);
    expect(ps[1]!.message).toContain('"text"');
  });

  it('reads .jsonl.gz and reports a broken gzip file without stopping', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a.jsonl.gz'), gzipSync(`${JSON.stringify({ id: 'z', text: 'مرحبا' })}\n`));
    writeFileSync(join(d, 'b.jsonl.gz'), Buffer.from('not gzip at all'));
    writeFileSync(join(d, 'c.txt'), 'نص');
    const items = await collect(readDocuments([d]));
    expect(docs(items).map((x) => x.id)).toEqual(['z', 'c']);
    expect(problems(items).map((p) => p.code)).toEqual(['BAD_GZIP']);
  });

  it('walks directories recursively in name order and skips other files', async () => {
    const d = tmp();
    mkdirSync(join(d, 'sub'));
    writeFileSync(join(d, 'b.txt'), 'ب');
    writeFileSync(join(d, 'a.txt'), 'أ');
    writeFileSync(join(d, 'sub', 'c.jsonl'), `${JSON.stringify({ id: 'c', text: 'ج' })}\n`);
    writeFileSync(join(d, 'notes.md'), 'x');
    const items = await collect(readDocuments([d]));
    expect(docs(items).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('reports missing paths, empty directories and unknown file types', async () => {
    const d = tmp();
    mkdirSync(join(d, 'empty'));
    writeFileSync(join(d, 'x.csv'), 'a,b');
    const items = await collect(readDocuments([join(d, 'nope.txt'), join(d, 'empty'), join(d, 'x.csv')]));
    expect(problems(items).map((p) => p.code)).toEqual(['NOT_FOUND', 'EMPTY_DIRECTORY', 'UNKNOWN_FORMAT']);
  });

  it('decodes invalid UTF-8 with replacement characters and says so', async () => {
    const d = tmp();
    writeFileSync(join(d, 'bad.txt'), Buffer.from([0xd9, 0x88, 0xff, 0xd8, 0xb5, 0xd9, 0x84]));
    const items = await collect(readDocuments([join(d, 'bad.txt')]));
    expect(problems(items)[0]!.code).toBe('INVALID_UTF8');
    expect(docs(items)[0]!.text).toBe('و\uFFFDصل');
  });

  it('reads standard input as JSON Lines or as one text document', async () => {
    const jl = await collect(readStdin(Readable.from([`${JSON.stringify({ id: 's1', text: 'نص' })}\n`])));
    expect(docs(jl).map((x) => x.id)).toEqual(['s1']);
    const txt = await collect(readStdin(Readable.from([Buffer.from('وصل الوزير')])));
    expect(docs(txt)).toEqual([{ id: 'stdin', text: 'وصل الوزير' }]);
  });
});
