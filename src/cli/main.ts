/**
 * The `rasad` command line: a thin shell over the library.
 */
import { Command } from 'commander';
import { runAnnotate } from './annotate.js';
import { runDemo } from './demo.js';
import { runDictCheck } from './dict.js';
import { runEval } from './eval.js';
import { runExtract } from './extract.js';
import { runNer } from './ner.js';

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('rasad')
    .description('Arabic news → political event records (CAMEO), with offsets into the Arabic text')
    .version('0.1.0');

  program
    .command('demo', { isDefault: true })
    .description("extract events from the project's example articles and print them (the default)")
    .option('--json', 'print event records as JSON Lines instead of the readable view')
    .action(async (o: { json?: boolean }) => {
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
