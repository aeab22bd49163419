/**
 * Feeds and pages through the built CLI, against a local HTTP server over the web fixtures:
 * `rasad watch FEEDS.txt --once`, `rasad ingest --feed URL` (nothing twice) and `rasad ingest PAGE.html`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, type FixtureServer, startFixtureServer } from './fixtures/web/server.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin', 'rasad.js');
const built = existsSync(join(root, 'dist', 'src', 'cli', 'main.js'));
const work = mkdtempSync(join(tmpdir(), 'rasad-cli-web-'));
const db = join(work, 'web.db');
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Run the CLI without blocking this process (the fixture server lives here). */
function rasad(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: work,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe.skipIf(!built)('feeds and pages from the command line', () => {
  it('watch --once polls the listed feeds and stores their new articles', async () => {
    const list = join(work, 'feeds.txt');
    writeFileSync(list, `# feeds\n${server.base}/rss.xml\n\nnot a url\n`);
    const r = await rasad(['watch', list, '--once', '--db', db]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${list}:4`);
    const m = /(\d+) document\(s\) read, (\d+) stored/.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(Number(m?.[2])).toBeGreaterThan(0);
    expect(server.requests).toContain('/rss.xml');
  });

  it('ingest --feed stores nothing twice', async () => {
    const r = await rasad(['ingest', '--feed', `${server.base}/rss.xml`, '--db', db, '--no-progress']);
    expect(r.stdout).toMatch(/ 0 stored, \d+ already stored/);
  });

  it('ingest of an HTML page stores its article text', async () => {
    const r = await rasad([
      'ingest',
      join(FIXTURES, 'article-meta.html'),
      '--db',
      join(work, 'page.db'),
      '--no-progress',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 document\(s\) read, 1 stored/);
  });
});
