/**
 * The `rasad` command line: a thin shell over the library.
 */
import { Command } from 'commander';
import { RasadError } from '../errors.js';
import { loadResources } from '../pipeline.js';
import { resolveFilterActors } from '../store/actor-keys.js';
import { runAnnotate } from './annotate.js';
import { runDemo } from './demo.js';
import { runDictCheck } from './dict.js';
import { runEval } from './eval.js';
import { runExtract } from './extract.js';
import { addFilterOptions, type FilterOptions, toFilter } from './filters.js';
import { runIngest, runReprocess } from './ingest.js';
import { runNer } from './ner.js';
import { runActor, runActors, runEvents, runRelation, runSearch, withStore } from './query.js';
import { runServe, runWatch, runWorker } from './services.js';

const DB_HELP = 'the store: a SQLite file (default ./rasad.db, or $RASAD_DB) or a postgres:// URL';
const collect = (v: string, prev: string[] = []) => [...prev, v];

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('rasad')
    .description('Arabic news → political event records (CAMEO), with offsets into the Arabic text')
    .version('0.1.0');

  program
    .command('demo', { isDefault: true })
    .description(
      "the main job: ingest the project's example articles into the store, show a summary, then serve the dashboard",
    )
    .option('--db <store>', DB_HELP)
    .option('--no-serve', 'stop after the summary')
    .option('--port <port>', 'dashboard port (default 8080)')
    .option('--json', 'print the extracted event records as JSON Lines (no store, no server)')
    .action(async (o: { db?: string; serve?: boolean; port?: string; json?: boolean }) => {
      process.exitCode = await runDemo(o);
    });

  program
    .command('annotate')
    .description('print sentences, tokens (with clitic pieces), time expressions, actors and places as JSON')
    .argument('[paths...]', '.txt, .jsonl, .jsonl.gz files or directories; none or - for standard input')
    .option('--pretty', 'readable view for a terminal')
    .option('--no-actors', 'text layer and time expressions only')
    .action(async (paths: string[], o: { pretty?: boolean; actors?: boolean }) => {
      process.exitCode = await runAnnotate(paths, o);
    });

  program
    .command('extract')
    .description('write event records as JSON Lines to standard output, in input order')
    .argument('[paths...]', '.txt, .jsonl, .jsonl.gz files or directories; none or - for standard input')
    .option('--explain', 'print each sentence with its events, the pattern that fired and the marked spans')
    .action(async (paths: string[], o: { explain?: boolean }) => {
      process.exitCode = await runExtract(paths, o);
    });

  program
    .command('eval')
    .description('extract events from gold documents and score them (root, code and full levels)')
    .argument('<gold>', 'gold JSON Lines file: documents with their "events"')
    .option('-v, --verbose', 'list misses and spurious events')
    .option('--json', 'print the scores as JSON')
    .option('--out <file>', 'also write the predicted records to this file')
    .action(async (gold: string, o: { verbose?: boolean; json?: boolean; out?: string }) => {
      process.exitCode = await runEval(gold, o);
    });

  program
    .command('ner')
    .description('tag CoNLL-style input (one token per line, blank line between sentences) with BIO tags')
    .argument('[file]', 'input file; none or - for standard input')
    .action(async (file: string | undefined) => {
      process.exitCode = await runNer(file);
    });

  program
    .command('ingest')
    .description('store documents, HTML pages and feeds with their events (same text twice is stored once)')
    .argument(
      '[paths...]',
      'files, directories, http(s) URLs; .txt .jsonl .jsonl.gz .html .xml/.rss/.atom; - for stdin',
    )
    .option('--db <store>', DB_HELP)
    .option('--feed <url>', 'an RSS/Atom feed (URL or file); repeatable', collect)
    .option('--batch <n>', 'articles per transaction (default 200)')
    .option('--queue', 'store articles as pending and queue them for `rasad worker` (PostgreSQL only)')
    .option('--no-progress', 'no progress bar')
    .action(
      async (
        paths: string[],
        o: { db?: string; feed?: string[]; batch?: string; queue?: boolean; progress?: boolean },
      ) => {
        process.exitCode = await runIngest(paths, { ...o });
      },
    );

  program
    .command('reprocess')
    .description(
      're-extract stored articles (after the dictionaries changed), replacing their events atomically',
    )
    .option('--db <store>', DB_HELP)
    .option('--status <status>', 'only articles with this status: pending, done or failed')
    .option('--no-progress', 'no progress bar')
    .action(async (o: { db?: string; status?: string; progress?: boolean }) => {
      if (o.status !== undefined && !['pending', 'done', 'failed'].includes(o.status))
        throw new RasadError('BAD_ARGUMENT', `--status "${o.status}": expected pending, done or failed`);
      process.exitCode = await runReprocess({
        db: o.db,
        status: o.status as 'pending' | 'done' | 'failed' | undefined,
        progress: o.progress,
      });
    });

  addFilterOptions(
    program
      .command('events')
      .description('query merged events: a table, or JSON Lines with --json')
      .option('--db <store>', DB_HELP)
      .option('--json', 'JSON Lines')
      .option('--mentions', 'with --json: include every mention')
      .option('--limit <n>', 'page size (default 50, at most 1000)')
      .option('--offset <n>', 'skip this many events')
      .option('--order <order>', 'date (newest first, default), mentions or added'),
  ).action(
    async (
      o: FilterOptions & {
        db?: string;
        json?: boolean;
        limit?: string;
        offset?: string;
        order?: string;
        mentions?: boolean;
      },
    ) => {
      process.exitCode = await runEvents({ ...o });
    },
  );

  program
    .command('actors')
    .description('search actors by code prefix, id or name, with their number of events')
    .argument(
      '[query]',
      'SYR, SYRGOV, an actor id, part of an English name or an Arabic name; none lists the most active',
    )
    .option('--db <store>', DB_HELP)
    .option('--json', 'JSON Lines')
    .option('--limit <n>', 'at most this many (default 30)')
    .action(async (query: string | undefined, o: { db?: string; json?: boolean; limit?: string }) => {
      process.exitCode = await runActors(query, { ...o });
    });

  program
    .command('actor')
    .description('one actor: counts, partners (with mean Goldstein) and recent events')
    .argument('<key>', 'actor code prefix (SYR, SYRGOV), actor id, or an Arabic name (روسيا، أسعد الشيباني)')
    .option('--db <store>', DB_HELP)
    .option('--json', 'JSON')
    .option('--partners <n>', 'partners to list (default 15)')
    .option('--recent <n>', 'recent events to list (default 10)')
    .action(async (key: string, o: { db?: string; json?: boolean; partners?: string; recent?: string }) => {
      process.exitCode = await runActor(key, { ...o });
    });

  program
    .command('relation')
    .description(
      'events between two actors, either direction: per month by quad class, mean Goldstein, top events',
    )
    .argument('<a>', 'first actor (code prefix, id or Arabic name), e.g. SYR or سوريا')
    .argument('<b>', 'second actor, e.g. RUS or روسيا')
    .option('--db <store>', DB_HELP)
    .option('--json', 'JSON')
    .option('--from <YYYY-MM-DD>', 'first date')
    .option('--to <YYYY-MM-DD>', 'last date')
    .option('--top <n>', 'top events to list (default 10)')
    .action(
      async (
        a: string,
        b: string,
        o: { db?: string; json?: boolean; from?: string; to?: string; top?: string },
      ) => {
        process.exitCode = await runRelation(a, b, { ...o });
      },
    );

  program
    .command('search')
    .description('full-text search over stored article text (diacritics, hamza forms and clitics folded)')
    .argument('<query>', 'words to find, e.g. الشيباني')
    .option('--db <store>', DB_HELP)
    .option('--json', 'JSON Lines')
    .option('--limit <n>', 'at most this many (default 20)')
    .option('--offset <n>', 'skip this many')
    .action(async (query: string, o: { db?: string; json?: boolean; limit?: string; offset?: string }) => {
      process.exitCode = await runSearch(query, { ...o });
    });

  addFilterOptions(
    program
      .command('export')
      .description(
        'export merged events: jsonl (with mentions), gdelt (61-column event table), plover, csv, parquet',
      )
      .requiredOption('--format <format>', 'jsonl, gdelt, plover, csv or parquet')
      .option('--out <file>', 'output file (standard output when absent; parquet needs a file)')
      .option('--db <store>', DB_HELP)
      .option('--mentions', 'csv: one row per mention')
      .option('--header', 'gdelt: write a header line')
      .option('--bom', 'csv: byte-order mark for Excel'),
  ).action(
    async (
      o: FilterOptions & {
        db?: string;
        format: string;
        out?: string;
        mentions?: boolean;
        header?: boolean;
        bom?: boolean;
      },
    ) => {
      const filter = resolveFilterActors(toFilter(o), loadResources);
      const { runExport } = await import('./export.js');
      process.exitCode = await withStore(o.db, (store) => runExport(store, filter, o));
    },
  );

  program
    .command('serve')
    .description('the JSON API (/api, /openapi.json) and the dashboard')
    .option('--db <store>', DB_HELP)
    .option(
      '--host <host>',
      'address to listen on (default 127.0.0.1; write endpoints then need $RASAD_TOKEN)',
    )
    .option('--port <port>', 'port (default 8080)')
    .action(async (o: { db?: string; host?: string; port?: string }) => {
      process.exitCode = await runServe({ ...o });
    });

  program
    .command('worker')
    .description('take articles from the PostgreSQL job queue, extract and store their events')
    .requiredOption('--db <url>', 'postgres:// URL of the shared store')
    .option('--concurrency <n>', 'articles at once in this process (default 1; run one process per core)')
    .option('--until-empty', 'stop once the queue is drained')
    .action(async (o: { db: string; concurrency?: string; untilEmpty?: boolean }) => {
      process.exitCode = await runWorker(o);
    });

  program
    .command('watch')
    .description('poll RSS/Atom feeds listed in a file and ingest new articles')
    .argument('<feeds>', 'text file: one feed URL per line, # comments')
    .option('--db <store>', DB_HELP)
    .option('--interval <duration>', 'time between polls: 90s, 10m, 1h (default 10m)')
    .option('--once', 'poll once and exit')
    .action(async (feeds: string, o: { db?: string; interval?: string; once?: boolean }) => {
      process.exitCode = await runWatch(feeds, { ...o });
    });

  const dict = program.command('dict').description('the knowledge base and event patterns');
  dict
    .command('check')
    .description('validate every dictionary file; report errors, duplicates, conflicts and counts')
    .option('--warnings', 'list every warning, not only the count')
    .action(async (o: { warnings?: boolean }) => {
      process.exitCode = await runDictCheck(o);
    });

  await program.parseAsync(argv);
}
