/**
 * Run a function over every document of some paths; a bad document is reported on
 * standard error with its file and line and the batch goes on.
 */
import { readDocuments } from '../io/read.js';
import type { InputDocument } from '../types.js';

export interface BatchSummary {
  documents: number;
  failed: number;
  problems: number;
}

export async function forEachDocument(
  paths: string[],
  fn: (doc: InputDocument) => void | Promise<void>,
  err: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<BatchSummary> {
  const summary: BatchSummary = { documents: 0, failed: 0, problems: 0 };
  for await (const item of readDocuments(paths)) {
    if ('problem' in item) {
      summary.problems++;
      err(`rasad: ${item.problem.message}`);
      continue;
    }
    summary.documents++;
    try {
      await fn(item.doc);
    } catch (e) {
      summary.failed++;
      const where = item.line > 0 ? `${item.file}:${item.line}` : item.file;
      err(`rasad: ${where}: document "${item.doc.id}" failed: ${(e as Error).message}`);
    }
  }
  return summary;
}

/** Exit status of a batch: 0 when every document went through, 2 when some failed or were malformed. */
export function batchStatus(s: BatchSummary): number {
  return s.failed > 0 || s.problems > 0 ? 2 : 0;
}

/** Write to stdout, waiting when the pipe is full. */
export async function out(s: string): Promise<void> {
  if (!process.stdout.write(s)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
}
