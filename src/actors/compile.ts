/**
 * Compile the knowledge base into an actor and place matcher: a trie over the match forms
 * of dictionary phrases (see forms.ts), plus indexes for dated offices.
 */
import { nisbaForms } from '../kb/nisba.js';
import type { Country, KnowledgeBase, Organisation, Person, PlaceEntry, Role } from '../kb/types.js';
import { splitSentences } from '../text/sentences.js';
import { tokenize } from '../text/tokenize.js';
import { dictionaryForm, isDefinite } from './forms.js';
import { stopWords } from './lexicon.js';
import { codeCountry } from './offices.js';

export type Hit = (
  | { t: 'country'; country: Country }
  | { t: 'nisba'; country: Country }
  | { t: 'place'; place: PlaceEntry }
  | { t: 'org'; org: Organisation }
  | { t: 'role'; role: Role }
  | { t: 'person'; person: Person }
) & {
  /** The phrase is listed in the entry's ambiguous_ar: it needs support from context. */
  amb?: true;
  /** Which words of the phrase carry the article: the text must have it too. */
  definite?: boolean[];
  /** Names: words written without the article must not have it in the text either. */
  exactArticle?: boolean;
};

export interface TrieNode {
  next: Map<string, TrieNode> | null;
  hits: Hit[] | null;
}

export interface ActorMatcher {
  kb: KnowledgeBase;
  root: TrieNode;
  countries: Map<string, Country>;
  places: Map<string, PlaceEntry>;
  roles: Map<string, Role>;
  /** Persons by `${codePrefix}:${roleKey}`, codePrefix = country (SYR) or full IGO code. */
  holders: Map<string, Person[]>;
  /** Country code → its capital place. */
  capitals: Map<string, PlaceEntry>;
  /** Place id → true when the place is a capital of its country. */
  capitalIds: Set<string>;
  entries: number;
}

/** Analyse a dictionary phrase into its words' dictionary forms and which words carry ال. */
export function phraseAnalysis(phrase: string): { forms: string[]; definite: boolean[] } {
  const toks = tokenize(phrase, splitSentences(phrase));
  const forms: string[] = [];
  const definite: boolean[] = [];
  for (const t of toks) {
    if (t.kind === 'punct' || t.kind === 'symbol') continue;
    forms.push(dictionaryForm(t));
    definite.push(isDefinite(t));
  }
  return { forms, definite };
}

function insert(root: TrieNode, forms: string[], hit: Hit): boolean {
  if (forms.length === 0) return false;
  let node = root;
  for (const f of forms) {
    if (!node.next) node.next = new Map();
    let n = node.next.get(f);
    if (!n) {
      n = { next: null, hits: null };
      node.next.set(f, n);
    }
    node = n;
  }
  if (!node.hits) node.hits = [];
  // the same entry reached by two spellings only once
  const same = node.hits.findIndex((h) => sameHit(h, hit));
  if (same < 0) node.hits.push(hit);
  else {
    // one entry reached by two spellings: the looser constraints win (وزير and الوزير)
    const old = node.hits[same]!;
    const merged: Hit = { ...old };
    if (!hit.amb) delete merged.amb;
    if (!hit.definite || !old.definite || hit.exactArticle !== old.exactArticle) {
      delete merged.definite;
      delete merged.exactArticle;
    } else if (hit.exactArticle) {
      // two spellings of a name, with and without ال: either is fine where they differ
      if (hit.definite.some((d, k) => d !== old.definite![k])) {
        delete merged.definite;
        delete merged.exactArticle;
      }
    } else merged.definite = old.definite.map((d, k) => d && (hit.definite?.[k] ?? false));
    node.hits[same] = merged;
  }
  return true;
}

function sameHit(a: Hit, b: Hit): boolean {
  if (a.t !== b.t) return false;
  switch (a.t) {
    case 'country':
      return a.country === (b as typeof a).country;
    case 'nisba':
      return a.country === (b as typeof a).country;
    case 'place':
      return a.place === (b as typeof a).place;
    case 'org':
      return a.org === (b as typeof a).org;
    case 'role':
      return a.role === (b as typeof a).role;
    case 'person':
      return a.person === (b as typeof a).person;
  }
}

export function compileActorMatcher(kb: KnowledgeBase): ActorMatcher {
  const root: TrieNode = { next: null, hits: null };
  let entries = 0;
  const stops = stopWords();
  const add = (phrase: string, hit: Hit) => {
    const { forms, definite } = phraseAnalysis(phrase);
    // a name written with ال (الخرج) does not match the bare word (خرج, "went out")
    // so does a role (الرئيس is the president; رئيس in construct heads whatever follows)
    // (only its head word: وزير الخارجية also matches وزير خارجية روسيا)
    if (hit.t === 'role') {
      if (definite[0]) hit.definite = [true];
    } else if (hit.t !== 'nisba') {
      // and a name written without it (مالي, Mali) does not match the definite word (المالي, financial)
      hit.definite = definite;
      hit.exactArticle = true;
    }
    // a one-word name that is also a function word (فإن = فان, Van) can never be told apart
    if (forms.length === 1 && (stops.has(forms[0]!) || forms[0]!.length < 2) && hit.t !== 'role') return;
    if (insert(root, forms, hit)) entries++;
  };
  const countries = new Map<string, Country>();
  const amb = (names: string[] | undefined, n: string) => (names?.includes(n) ? { amb: true as const } : {});
  for (const c of kb.countries) {
    countries.set(c.code, c);
    for (const n of c.namesAr) add(n, { t: 'country', country: c, ...amb(c.ambiguousAr, n) });
    for (const b of c.nisbas) for (const f of nisbaForms(b)) add(f, { t: 'nisba', country: c });
    for (const f of c.nisbaIrregular) add(f, { t: 'nisba', country: c });
  }
  const places = new Map<string, PlaceEntry>();
  for (const p of kb.places) {
    places.set(p.id, p);
    for (const n of p.namesAr) add(n, { t: 'place', place: p, ...amb(p.ambiguousAr, n) });
  }
  for (const o of kb.organisations)
    for (const n of o.namesAr) add(n, { t: 'org', org: o, ...amb(o.ambiguousAr, n) });
  const roles = new Map<string, Role>();
  for (const r of kb.roles) {
    roles.set(r.key, r);
    for (const n of r.namesAr) add(n, { t: 'role', role: r, ...amb(r.ambiguousAr, n) });
  }
  const holders = new Map<string, Person[]>();
  for (const p of kb.persons) {
    for (const n of p.namesAr) add(n, { t: 'person', person: p });
    for (const n of p.shortAr) add(n, { t: 'person', person: p });
    for (const o of p.offices) {
      const keys = new Set([`${o.code.slice(0, 3)}:${o.role}`, `${o.code}:${o.role}`]);
      const cc = codeCountry(o.code);
      if (cc) keys.add(`${cc}:${o.role}`);
      for (const k of keys) {
        const list = holders.get(k) ?? [];
        if (!list.includes(p)) list.push(p);
        holders.set(k, list);
      }
    }
  }
  const capitals = new Map<string, PlaceEntry>();
  const capitalIds = new Set<string>();
  for (const c of kb.countries) {
    if (!c.capital) continue;
    const p = places.get(c.capital);
    if (p) {
      capitals.set(c.code, p);
      capitalIds.add(p.id);
    }
  }
  return { kb, root, countries, places, roles, holders, capitals, capitalIds, entries };
}
