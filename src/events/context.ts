/**
 * Non-political context: sentences and articles about sport (data/patterns/context.yaml).
 *
 * National teams and clubs are named like states (تلتقي السويد مع هولندا, يستضيف المنتخب
 * السعودي نظيره الإماراتي, رفض نادي الهلال العرض), but a match, a transfer or a coach's contract is
 * not an event between political actors. A sentence holding a `sports` phrase yields no events;
 * neither does any sentence of an article with at least SPORTS_ARTICLE_HITS sports words.
 */
import { splitSentences } from '../text/sentences.js';
import { tokenize } from '../text/tokenize.js';
import type { AnnotatedDocument, Token } from '../types.js';
import type { Cue, Cues } from './patterns.js';
import { nounStemFamily } from './triggers.js';

/** Hits of sports words that make a whole article sport ... */
export const SPORTS_ARTICLE_HITS = 4;
/** ... when they come from at least this many different phrases (not one club named four times). */
export const SPORTS_ARTICLE_PHRASES = 3;

interface StemPhrase {
  /** Per word: the normalised stems it may take (its plural and tanween forms). */
  words: Set<string>[];
  sentenceLevel: boolean;
  id: number;
}

/** Phrases by the stems their first word may take, so each token looks up only its own candidates. */
type PhraseIndex = Map<string, StemPhrase[]>;

const compiled = new WeakMap<Cues, PhraseIndex>();

function stemPhrase(c: Cue, sentenceLevel: boolean, id: number): StemPhrase | null {
  const toks = tokenize(c.text, splitSentences(c.text)).filter((t) => t.kind === 'word');
  if (toks.length === 0) return null;
  return { words: toks.map((t) => nounStemFamily(t.stem)), sentenceLevel, id };
}

function phrasesOf(cues: Cues): PhraseIndex {
  let index = compiled.get(cues);
  if (!index) {
    const list: StemPhrase[] = [];
    let id = 0;
    for (const c of cues.context.sports) {
      const p = stemPhrase(c, true, id++);
      if (p) list.push(p);
    }
    for (const c of cues.context.sportsArticle) {
      const p = stemPhrase(c, false, id++);
      if (p) list.push(p);
    }
    index = new Map();
    // file order is kept within each first stem: the first matching phrase wins, as before
    for (const p of list)
      for (const stem of p.words[0] ?? []) {
        const at = index.get(stem);
        if (at) at.push(p);
        else index.set(stem, [p]);
      }
    compiled.set(cues, index);
  }
  return index;
}

function matchesAt(tokens: Token[], i: number, p: StemPhrase): boolean {
  for (let j = 0; j < p.words.length; j++) {
    const t = tokens[i + j];
    if (!t || t.kind !== 'word' || t.sentence !== tokens[i]!.sentence) return false;
    if (!p.words[j]!.has(t.stem)) return false;
  }
  return true;
}

/**
 * Indices of the sentences whose events are sport, not politics: every sentence of a sports
 * article, otherwise the sentences holding a `sports` phrase.
 */
export function sportsSentences(ad: AnnotatedDocument, cues: Cues): Set<number> {
  const index = phrasesOf(cues);
  const marked = new Set<number>();
  if (index.size === 0) return marked;
  let hits = 0;
  const distinct = new Set<number>();
  for (let i = 0; i < ad.tokens.length; i++) {
    const t = ad.tokens[i]!;
    if (t.kind !== 'word') continue;
    const phrases = index.get(t.stem);
    if (!phrases) continue;
    for (const p of phrases) {
      if (!matchesAt(ad.tokens, i, p)) continue;
      hits++;
      distinct.add(p.id);
      if (p.sentenceLevel) marked.add(t.sentence);
      break;
    }
  }
  if (hits >= SPORTS_ARTICLE_HITS && distinct.size >= SPORTS_ARTICLE_PHRASES)
    for (const s of ad.sentences) marked.add(s.index);
  return marked;
}
