/**
 * `rasad dict check`: validate the knowledge base and the event patterns.
 */

import { loadCues, loadPatterns, PatternError } from '../events/patterns.js';
import { summarizeKnowledgeBase } from '../kb/check.js';
import { loadKnowledgeBaseWithIssues } from '../kb/load.js';
import { formatIssue } from '../kb/tsv.js';

export async function runDictCheck(o: { warnings?: boolean }): Promise<number> {
  const { kb, issues } = loadKnowledgeBaseWithIssues();
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const lines: string[] = [];
  for (const e of errors) lines.push(formatIssue(e));
  if (o.warnings) for (const w of warnings) lines.push(formatIssue(w));
  let patternCount = 0;
  let patternErrors = 0;
  try {
    patternCount = loadPatterns().length;
    loadCues();
  } catch (e) {
    if (e instanceof PatternError) {
      patternErrors = e.issues.length;
      for (const i of e.issues) lines.push(`${i.file}:${i.line}: error: ${i.message}`);
    } else throw e;
  }
  const counts = summarizeKnowledgeBase(kb);
  lines.push('knowledge base:');
  for (const [k, n] of Object.entries(counts)) lines.push(`  ${k.padEnd(28)} ${n}`);
  lines.push(`  ${'event patterns'.padEnd(28)} ${patternCount}`);
  lines.push(
    `${errors.length + patternErrors} error(s), ${warnings.length} warning(s)${warnings.length && !o.warnings ? ' (--warnings lists them)' : ''}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return errors.length + patternErrors > 0 ? 1 : 0;
}
