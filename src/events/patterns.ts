/**
 * Event patterns and cue lists from data/patterns/ (format: data/patterns/README.md).
 *
 * `loadPatterns()` reads every `NN-name.yaml`, validates it and compiles each trigger,
 * `unless` and `requires` phrase into lemma keys (`keysOf` from text/stem.ts), so the coder
 * matches them against `Token.lemma`. `loadCues()` reads attribution.yaml, modality.yaml and context.yaml.
 * Every problem is reported with file and line; all problems of all files are collected
 * before one `PatternError` is thrown.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument, type YAMLMap } from 'yaml';
import { RasadError } from '../errors.js';
import { repoRoot } from '../kb/load.js';
import { normalize } from '../text/normalize.js';
import { keysOf } from '../text/stem.js';
import { isCameoCode } from './cameo.js';
import type { ArgRule, Pattern, PatternExample } from './pattern-types.js';

/** One problem in a pattern or cue file. */
export interface PatternIssue {
  /** Path as shown in messages: relative to the repository root when under it (`data/patterns/04-consult.yaml`). */
  file: string;
  line: number;
  message: string;
}

export class PatternError extends RasadError {
  readonly issues: PatternIssue[];
  constructor(issues: PatternIssue[]) {
    const shown = issues.slice(0, 100).map((i) => `  ${i.file}:${i.line}: ${i.message}`);
    if (issues.length > shown.length) shown.push(`  ... and ${issues.length - shown.length} more`);
    super('PATTERNS_INVALID', `event patterns have ${issues.length} error(s):\n${shown.join('\n')}`);
    this.name = 'PatternError';
    this.issues = issues;
  }
}

/** Prepositions allowed in `prep:X` rules, as written (normalised when compiled: إلى → الى). */
export const PREPOSITIONS: readonly string[] = [
  'مع',
  'إلى',
  'على',
  'ضد',
  'من',
  'عن',
  'في',
  'ب',
  'ل',
  'لدى',
  'بين',
  'تجاه',
  'نحو',
  'حول',
  'بحق',
  'أمام',
];
const PREP_NORM = new Set(PREPOSITIONS.map((p) => normalize(p)));
const SIMPLE_RULES = new Set(['subject', 'object', 'genitive', 'dest']);
const KINDS = new Set(['verb', 'noun']);
const KEYS = new Set([
  'id',
  'code',
  'kind',
  'triggers',
  'source',
  'target',
  'unless',
  'unless_before',
  'requires',
  'confidence',
  'examples',
]);
const EXAMPLE_KEYS = new Set(['text', 'expect', 'published']);
/** `"040 USAGOV RUSGOV"`: code, source actor code or `-`, target actor code or `-`. */
export const EXPECT_RE = /^(\d{3,4}) (\S+|-) (\S+|-)$/;
const ID_RE = /^[a-z][a-z0-9_-]*\.[a-z0-9][a-z0-9_.-]*$/;
const FILE_RE = /^(\d{2})-[a-z0-9-]+\.ya?ml$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** Default confidence when a pattern gives none. */
export const DEFAULT_CONFIDENCE = 0.8;

/** The data/patterns directory of this installation. */
export function defaultPatternDir(): string {
  return join(repoRoot(), 'data', 'patterns');
}

function displayPath(path: string): string {
  let root: string | null = null;
  try {
    root = repoRoot();
  } catch {
    root = null;
  }
  if (root !== null) {
    const rel = relative(root, path);
    if (!rel.startsWith('..') && !rel.startsWith('/')) return rel.split('\\').join('/');
  }
  return path;
}

/** Parse one ArgRule as written; null when it is not valid. Prepositions come back normalised. */
export function parseArgRule(s: string): ArgRule | null {
  if (SIMPLE_RULES.has(s)) return s as ArgRule;
  if (s.startsWith('prep:')) {
    const p = normalize(s.slice(5).trim());
    if (PREP_NORM.has(p)) return `prep:${p}`;
  }
  return null;
}

/**
 * Compile a phrase into lemma keys, one per word; `*` (a gap of up to 3 tokens) is kept as `*`.
 * Returns an error message instead when the phrase is empty, starts or ends with `*`, or has a
 * word without a key.
 */
export function compilePhrase(phrase: string): string[] | string {
  const words = phrase
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '');
  if (words.length === 0) return 'empty phrase';
  if (words[0] === '*' || words[words.length - 1] === '*')
    return `"${phrase}": a gap "*" must be between words`;
  const keys: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '*') {
      if (words[i - 1] === '*') return `"${phrase}": two gaps in a row`;
      keys.push('*');
      continue;
    }
    if (/[\p{P}\p{S}]/u.test(w)) return `"${phrase}": word "${w}" has punctuation`;
    const k = keysOf(w);
    if (k === '') return `"${phrase}": word "${w}" has an empty lemma key`;
    keys.push(k);
  }
  return keys;
}

/** Line (1-based) of a YAML node, or of the nearest known position. */
function lineOf(lc: LineCounter, node: Node | null | undefined, fallback: number): number {
  const r = node?.range;
  if (!r) return fallback;
  return lc.linePos(r[0]).line;
}

interface Ctx {
  file: string;
  lc: LineCounter;
  issues: PatternIssue[];
}

function problem(ctx: Ctx, line: number, message: string): void {
  ctx.issues.push({ file: ctx.file, line, message });
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function lineOfPair(ctx: Ctx, pair: Pair | undefined, fallback: number): number {
  if (!pair) return fallback;
  return lineOf(ctx.lc, (pair.value as Node | null) ?? (pair.key as Node), fallback);
}

function scalarString(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const v = node.value;
  if (typeof v === 'string') return v;
  return null;
}

/** A list of strings; reports non-strings. Null (absent) gives []. */
function stringList(ctx: Ctx, map: YAMLMap, key: string, line: number): { items: string[]; lines: number[] } {
  const pair = pairOf(map, key);
  const out = { items: [] as string[], lines: [] as number[] };
  if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) return out;
  const at = lineOfPair(ctx, pair, line);
  if (!isSeq(pair.value)) {
    problem(ctx, at, `${key}: expected a list`);
    return out;
  }
  for (const item of pair.value.items) {
    const s = scalarString(item);
    const l = lineOf(ctx.lc, item as Node, at);
    if (s === null || s.trim() === '')
      problem(ctx, l, `${key}: expected a non-empty string, found ${String(item)}`);
    else {
      out.items.push(s.trim());
      out.lines.push(l);
    }
  }
  return out;
}

function compileList(ctx: Ctx, key: string, list: { items: string[]; lines: number[] }): string[][] {
  const out: string[][] = [];
  list.items.forEach((phrase, i) => {
    const c = compilePhrase(phrase);
    if (typeof c === 'string') problem(ctx, list.lines[i]!, `${key}: ${c}`);
    else out.push(c);
  });
  return out;
}

function argRules(ctx: Ctx, map: YAMLMap, key: 'source' | 'target', line: number): ArgRule[] {
  const pair = pairOf(map, key);
  if (!pair) {
    problem(ctx, line, `${key}: missing (a list of rules: subject, object, genitive, dest, prep:X)`);
    return [];
  }
  const list = stringList(ctx, map, key, line);
  const out: ArgRule[] = [];
  list.items.forEach((s, i) => {
    const r = parseArgRule(s);
    if (r === null)
      problem(
        ctx,
        list.lines[i]!,
        `${key}: unknown rule "${s}" (subject, object, genitive, dest, prep:X with X one of ${PREPOSITIONS.join(' ')})`,
      );
    else out.push(r);
  });
  return out;
}

function parseExamples(ctx: Ctx, map: YAMLMap, code: string, line: number): PatternExample[] {
  const pair = pairOf(map, 'examples');
  const out: PatternExample[] = [];
  if (!pair || pair.value === null) {
    problem(ctx, line, 'examples: missing (at least one positive example)');
    return out;
  }
  const at = lineOfPair(ctx, pair, line);
  if (!isSeq(pair.value)) {
    problem(ctx, at, 'examples: expected a list of { text, expect }');
    return out;
  }
  for (const item of pair.value.items) {
    const l = lineOf(ctx.lc, item as Node, at);
    if (!isMap(item)) {
      problem(ctx, l, 'examples: each example is a map with text and expect');
      continue;
    }
    for (const p of item.items) {
      const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
      if (!EXAMPLE_KEYS.has(k))
        problem(ctx, lineOf(ctx.lc, p.key as Node, l), `examples: unknown field "${k}"`);
    }
    const text = scalarString(item.get('text', true));
    if (text === null || text.trim() === '') problem(ctx, l, 'examples: text must be a non-empty string');
    const pubNode = item.get('published', true);
    let published: string | undefined;
    if (pubNode !== undefined) {
      const s = isScalar(pubNode) ? String(pubNode.value) : null;
      if (s === null || !DATE_RE.test(s))
        problem(ctx, lineOf(ctx.lc, pubNode as Node, l), `examples: published must be YYYY-MM-DD`);
      else published = s;
    }
    const expect: string[] = [];
    const exPair = pairOf(item, 'expect');
    const exLine = lineOfPair(ctx, exPair, l);
    if (!exPair) problem(ctx, l, 'examples: expect missing ([] for a negative example)');
    else if (!isSeq(exPair.value)) problem(ctx, exLine, 'examples: expect must be a list');
    else {
      for (const e of exPair.value.items) {
        const s = scalarString(e);
        const el = lineOf(ctx.lc, e as Node, exLine);
        const m = s === null ? null : EXPECT_RE.exec(s);
        if (s === null || !m) {
          problem(
            ctx,
            el,
            `examples: expect "${String(e)}" is not "CODE SOURCE TARGET" (e.g. "040 USAGOV RUSGOV", - for none)`,
          );
          continue;
        }
        if (m[1] !== code)
          problem(ctx, el, `examples: expect "${s}" has code ${m[1]}, the pattern's code is ${code}`);
        expect.push(s);
      }
    }
    if (text !== null && text.trim() !== '') {
      const ex: PatternExample = { text: text.trim(), expect, line: l };
      if (published !== undefined) ex.published = published;
      out.push(ex);
    }
  }
  if (out.length > 0 && !out.some((e) => e.expect.length > 0))
    problem(ctx, lineOf(ctx.lc, pair.key as Node, at), 'examples: at least one example must expect an event');
  return out;
}

function parsePattern(ctx: Ctx, node: unknown, fileRoot: string): Pattern | null {
  const line = lineOf(ctx.lc, node as Node, 1);
  if (!isMap(node)) {
    problem(ctx, line, 'each entry must be a map (id, code, kind, triggers, source, target, ...)');
    return null;
  }
  const before = ctx.issues.length;
  for (const p of node.items) {
    const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
    if (!KEYS.has(k)) problem(ctx, lineOf(ctx.lc, p.key as Node, line), `unknown field "${k}"`);
  }
  const id = scalarString(node.get('id', true));
  const idLine = lineOfPair(ctx, pairOf(node, 'id'), line);
  if (id === null) problem(ctx, line, 'id: missing');
  else if (!ID_RE.test(id)) problem(ctx, idLine, `id: "${id}" is not family.name (lower-case ASCII)`);

  const codeNode = node.get('code', true);
  const codeLine = lineOfPair(ctx, pairOf(node, 'code'), line);
  let code = '';
  if (codeNode === undefined) problem(ctx, line, 'code: missing');
  else if (!isScalar(codeNode) || typeof codeNode.value !== 'string')
    problem(ctx, codeLine, `code: must be a quoted string ("042"), found ${String(codeNode)}`);
  else {
    code = codeNode.value;
    if (!/^\d{3,4}$/.test(code)) problem(ctx, codeLine, `code: "${code}" is not a 3- or 4-digit CAMEO code`);
    else if (!isCameoCode(code)) problem(ctx, codeLine, `code: "${code}" is not in the CAMEO table`);
    else if (code.slice(0, 2) !== fileRoot)
      problem(ctx, codeLine, `code: "${code}" does not belong in a file of root ${fileRoot}`);
  }

  const kind = scalarString(node.get('kind', true));
  if (kind === null || !KINDS.has(kind))
    problem(
      ctx,
      lineOfPair(ctx, pairOf(node, 'kind'), line),
      `kind: must be verb or noun, found ${String(kind)}`,
    );

  const trigList = stringList(ctx, node, 'triggers', line);
  if (trigList.items.length === 0)
    problem(ctx, lineOfPair(ctx, pairOf(node, 'triggers'), line), 'triggers: empty');
  const triggers: string[] = [];
  const compiled: string[][] = [];
  const seen = new Set<string>();
  trigList.items.forEach((phrase, i) => {
    const c = compilePhrase(phrase);
    if (typeof c === 'string') {
      problem(ctx, trigList.lines[i]!, `triggers: ${c}`);
      return;
    }
    const k = c.join(' ');
    if (seen.has(k)) return; // the same keys as an earlier trigger (e.g. two inflections): keep the first
    seen.add(k);
    triggers.push(phrase);
    compiled.push(c);
  });
  const source = argRules(ctx, node, 'source', line);
  const target = argRules(ctx, node, 'target', line);
  const unless = compileList(ctx, 'unless', stringList(ctx, node, 'unless', line));
  const unlessBefore = compileList(ctx, 'unless_before', stringList(ctx, node, 'unless_before', line));
  const requires = compileList(ctx, 'requires', stringList(ctx, node, 'requires', line));

  let confidence = DEFAULT_CONFIDENCE;
  const confNode = node.get('confidence', true);
  if (confNode !== undefined) {
    const v = isScalar(confNode) ? confNode.value : null;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1))
      problem(
        ctx,
        lineOf(ctx.lc, confNode as Node, line),
        `confidence: must be a number in 0..1, found ${String(v)}`,
      );
    else confidence = v;
  }
  const examples = parseExamples(ctx, node, code, line);
  if (ctx.issues.length > before || id === null || kind === null) return null;
  return {
    id,
    code,
    triggers,
    compiled,
    kind: kind as 'verb' | 'noun',
    source,
    target,
    unless,
    unlessBefore,
    requires,
    confidence,
    examples,
    file: ctx.file,
    line,
  };
}

/** Parse one YAML text into patterns, adding problems to `issues`. `file` is the name used in messages. */
export function parsePatternFile(text: string, file: string, issues: PatternIssue[]): Pattern[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const ctx: Ctx = { file, lc, issues };
  for (const e of [...doc.errors, ...doc.warnings]) {
    const line = e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line;
    problem(ctx, line, `YAML: ${e.message.split('\n')[0]}`);
  }
  if (doc.errors.length > 0) return [];
  const m = FILE_RE.exec(basename(file));
  const fileRoot = m ? m[1]! : '';
  if (!m) problem(ctx, 1, 'pattern file names are NN-name.yaml (NN = CAMEO root)');
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return [];
  if (!isSeq(contents)) {
    problem(ctx, lineOf(lc, contents as Node, 1), 'a pattern file is a list of patterns');
    return [];
  }
  const out: Pattern[] = [];
  for (const item of contents.items) {
    const p = parsePattern(ctx, item, fileRoot);
    if (p) out.push(p);
  }
  return out;
}

let cachedPatterns: Pattern[] | null = null;

/**
 * Load, validate and compile every `NN-name.yaml` of `dir` (default: data/patterns), in file order.
 * Throws `PatternError` listing every problem as `file:line: message`. The default directory is cached.
 */
export function loadPatterns(dir?: string): Pattern[] {
  if (dir === undefined && cachedPatterns) return cachedPatterns;
  const d = dir ?? defaultPatternDir();
  const issues: PatternIssue[] = [];
  if (!existsSync(d))
    throw new PatternError([{ file: displayPath(d), line: 0, message: 'no such directory' }]);
  const files = readdirSync(d)
    .filter((f) => /^\d{2}-.*\.ya?ml$/.test(f))
    .sort();
  if (files.length === 0)
    issues.push({ file: displayPath(d), line: 0, message: 'no NN-name.yaml pattern files' });
  const all: Pattern[] = [];
  for (const f of files) {
    const path = join(d, f);
    all.push(...parsePatternFile(readFileSync(path, 'utf8'), displayPath(path), issues));
  }
  const ids = new Map<string, Pattern>();
  for (const p of all) {
    const first = ids.get(p.id);
    if (first)
      issues.push({
        file: p.file,
        line: p.line,
        message: `id: "${p.id}" already used at ${first.file}:${first.line}`,
      });
    else ids.set(p.id, p);
  }
  if (issues.length > 0) throw new PatternError(issues);
  if (dir === undefined) cachedPatterns = all;
  return all;
}

/** One cue phrase: as written, normalised words, and lemma keys (`*` kept). */
export interface Cue {
  text: string;
  /** Normalised surface words (for function words like لم, قد, سوف, matched on `Token.norm`). */
  words: string[];
  /** Lemma keys (for verbs like يعتزم, نفى, matched on `Token.lemma`). */
  keys: string[];
}

export interface Cues {
  attribution: {
    /** Speech verbs: قال, أكد, ... (an event reported by them is attributed to their subject). */
    verbs: Cue[];
    /** Source phrases: بحسب, وفقا ل, نقلا عن ... followed by the source. */
    phrases: Cue[];
  };
  modality: {
    /** Future: سوف, من المقرر, يعتزم, ... */
    future: Cue[];
    /** Proclitics on an imperfect verb that mark the future: س. */
    futurePrefixes: string[];
    /** Hypothetical: من المتوقع, ربما, في حال, إذا, لو, ... */
    hypothetical: Cue[];
    /** Hypothetical only when the next word is an imperfect verb: قد. */
    hypotheticalBeforeImperfect: Cue[];
    /** Negation: لم, لن, لا, ما, ليس, غير, عدم, نفى. */
    negation: Cue[];
  };
  /** Context cues (context.yaml): words that make a sentence or an article non-political. */
  context: {
    /** One in a sentence makes the sentence sport: مباراة, نادي, كأس العالم. */
    sports: Cue[];
    /** Sports words used elsewhere too (لاعب, منتخب, بطولة): they count only for the article. */
    sportsArticle: Cue[];
  };
}

const CUE_FILES: Record<string, string[]> = {
  'attribution.yaml': ['verbs', 'phrases'],
  'modality.yaml': ['future', 'future_prefixes', 'hypothetical', 'hypothetical_before_imperfect', 'negation'],
  'context.yaml': ['sports', 'sports_article'],
};

function cueList(ctx: Ctx, map: YAMLMap, key: string): Cue[] {
  const list = stringList(ctx, map, key, 1);
  if (list.items.length === 0) problem(ctx, lineOfPair(ctx, pairOf(map, key), 1), `${key}: missing or empty`);
  const out: Cue[] = [];
  list.items.forEach((text, i) => {
    const keys = compilePhrase(text);
    if (typeof keys === 'string') problem(ctx, list.lines[i]!, `${key}: ${keys}`);
    else out.push({ text, words: text.split(/\s+/u).map((w) => (w === '*' ? w : normalize(w))), keys });
  });
  return out;
}

function readCueFile(dir: string, name: string, issues: PatternIssue[]): { ctx: Ctx; map: YAMLMap } | null {
  const path = join(dir, name);
  const file = displayPath(path);
  if (!existsSync(path)) {
    issues.push({ file, line: 0, message: 'missing' });
    return null;
  }
  const lc = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lc, prettyErrors: false });
  const ctx: Ctx = { file, lc, issues };
  for (const e of doc.errors) problem(ctx, lc.linePos(e.pos[0]).line, `YAML: ${e.message.split('\n')[0]}`);
  if (doc.errors.length > 0) return null;
  if (!isMap(doc.contents)) {
    problem(ctx, 1, 'expected a map of lists');
    return null;
  }
  const allowed = CUE_FILES[name] ?? [];
  for (const p of doc.contents.items) {
    const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
    if (!allowed.includes(k))
      problem(ctx, lineOf(lc, p.key as Node, 1), `unknown list "${k}" (${allowed.join(', ')})`);
  }
  return { ctx, map: doc.contents };
}

let cachedCues: Cues | null = null;

/**
 * Attribution, modality and context cues from attribution.yaml, modality.yaml and context.yaml of
 * `dir` (default: data/patterns).
 */
export function loadCues(dir?: string): Cues {
  if (dir === undefined && cachedCues) return cachedCues;
  const d = dir ?? defaultPatternDir();
  const issues: PatternIssue[] = [];
  const att = readCueFile(d, 'attribution.yaml', issues);
  const mod = readCueFile(d, 'modality.yaml', issues);
  const ctx = readCueFile(d, 'context.yaml', issues);
  const none: Cue[] = [];
  const cues: Cues = {
    attribution: {
      verbs: att ? cueList(att.ctx, att.map, 'verbs') : none,
      phrases: att ? cueList(att.ctx, att.map, 'phrases') : none,
    },
    modality: {
      future: mod ? cueList(mod.ctx, mod.map, 'future') : none,
      futurePrefixes: mod
        ? stringList(mod.ctx, mod.map, 'future_prefixes', 1).items.map((s) => normalize(s))
        : [],
      hypothetical: mod ? cueList(mod.ctx, mod.map, 'hypothetical') : none,
      hypotheticalBeforeImperfect: mod ? cueList(mod.ctx, mod.map, 'hypothetical_before_imperfect') : none,
      negation: mod ? cueList(mod.ctx, mod.map, 'negation') : none,
    },
    context: {
      sports: ctx ? cueList(ctx.ctx, ctx.map, 'sports') : none,
      sportsArticle: ctx ? cueList(ctx.ctx, ctx.map, 'sports_article') : none,
    },
  };
  if (issues.length > 0) throw new PatternError(issues);
  if (dir === undefined) cachedCues = cues;
  return cues;
}
