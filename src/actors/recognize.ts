/**
 * Actor and place recognition with in-document coreference.
 *
 * Dictionary matches (match.ts) are combined into mentions:
 *   وزير الخارجية السوري، أسعد الشيباني   role + nisba + person     → SYRGOV, Asaad al-Shaibani
 *   وزير الدفاع السوري مرهف أبو قصرة      role + nisba + new name  → SYRMIL, actor null
 *   المتحدثة باسم الخارجية الروسية ماريا زاخاروفا  role + body + nisba + person → RUSGOV
 *   الاستخبارات العامة السورية            body + nisba             → SYRSPY
 * and later mentions resolve to earlier ones:
 *   الشيباني / الوزير الشيباني            surname / title + surname
 *   نظيره السوري                          counterpart of the governing actor's office
 *   الجانب السوري                         side → country
 *   موسكو تسعى                            capital acting for its state
 */
import type { Organisation, Person, PlaceEntry, Role } from '../kb/types.js';
import { normalize } from '../text/normalize.js';
import type { ActorMention, PlaceMention, Resolution, Sentence, Token } from '../types.js';
import type { ActorMatcher, Hit } from './compile.js';
import {
  articleForm,
  isDefinite,
  lookupForms,
  proclitics,
  startAfterParticles,
  useDocumentForms,
} from './forms.js';
import {
  COUNTERPART,
  GIVEN_NAMES,
  isStopWord,
  NAME_PARTICLES,
  NAME_SEPARATORS,
  PREPOSITIONS,
  SIDE,
  stopWords,
} from './lexicon.js';
import { longestMatch, matchSpan, type Segment } from './match.js';
import { codeCountry, officeAt, officeCovers, officesAt } from './offices.js';

export interface RecognizeOptions {
  /** Document date `YYYY-MM-DD` (offices are read on it), or null. */
  date: string | null;
  /** Lemma keys that can never be part of a personal name (event triggers, speech verbs). */
  stopLemmas?: ReadonlySet<string>;
}

export interface Recognized {
  actors: ActorMention[];
  places: PlaceMention[];
}

/** Internal: an actor mention with what coreference needs. */
interface Draft extends ActorMention {
  roleKey: string | null;
  person: Person | null;
  /** Sector to append when the country comes from context. */
  sector?: string;
  /** The body a person role belongs to (المتحدث باسم الخارجية → foreign_ministry). */
  bodyKey?: string;
}

interface Entity {
  draft: Draft;
}

const PARTICLE_PROCLITICS = new Set(['ب', 'ل', 'ك']);
const PATRONYMIC = new Set(['بن', 'ابن', 'بنت']);
/** The word "party" ending a party leader's title: رئيس حزب, زعيم الحزب. */
const PARTY_WORDS = new Set(['حزب', 'الحزب'].map((w) => normalize(w)));
/** `أو` and the words that make a following noun generic: أي, أية. */
const ANY_OR = normalize('أو');
const ANY_WORDS = new Set(['أي', 'أية', 'أيّ'].map((w) => normalize(w)));
/** Titles of scholars, which a family name may follow alone: الشيخ الألباني, العلامة الألباني. */
const SCHOLAR_TITLES = new Set(['شيخ', 'علامة', 'محدث', 'إمام'].map((w) => normalize(w)));
/** Honorifics that stand between a role and a name: الدكتور, المهندس, الشيخ. */
const TITLES = new Set(
  [
    'دكتور',
    'مهندس',
    'شيخ',
    'استاذ',
    'سيد',
    'سيده',
    'معالي',
    'سمو',
    'فضيله',
    'دكتوره',
    'لواء',
    'عميد',
    'عقيد',
    'فريق',
  ].map((w) => normalize(w)),
);
/** Nouns that open an institution's or a place's name: مستشفى الملك فهد, جامعة الملك سعود. */
const INSTITUTIONS = new Set(
  [
    'مستشفى',
    'جامعة',
    'مدينة',
    'شارع',
    'مطار',
    'مركز',
    'مجمع',
    'قاعدة',
    'ميناء',
    'مسجد',
    'مدرسة',
    'كلية',
    'جائزة',
    'جسر',
    'طريق',
    'حي',
    'مؤسسة',
    'برنامج',
    'مشروع',
    'ملعب',
    'استاد',
    'معهد',
    'قصر',
    'مكتبة',
    'صندوق',
  ].map((w) => normalize(w)),
);
/** Nouns whose genitive names a thing, not an actor: نداء باريس, مباراة البرازيل, قمة الرياض. */
const NAMED_THINGS = new Set(
  [
    'نداء',
    'اتفاق',
    'اتفاقية',
    'مؤتمر',
    'قمة',
    'إعلان',
    'بيان',
    'مباراة',
    'بطولة',
    'معاهدة',
    'مسار',
    'منتدى',
    'معرض',
    'منتخب',
    'دوري',
    'كأس',
    'مهرجان',
    'مسابقة',
    'ماراثون',
    'جولة',
    // geographic features named after a country: بحيرة تشاد, نهر النيجر, صحراء سيناء
    'بحيرة',
    'نهر',
    'صحراء',
  ].map((w) => normalize(w)),
);
/** Offices one person holds at a time in a country: the role alone (الرئيس الروسي) names them. */
const SINGLE_SEAT = new Set([
  'president',
  'vice_president',
  'king',
  'emir',
  'sultan',
  'crown_prince',
  'deputy_crown_prince',
  'prime_minister',
  'foreign_minister',
  'defence_minister',
  'interior_minister',
  'finance_minister',
  'oil_minister',
  'energy_minister',
  'economy_minister',
  'trade_minister',
  'justice_minister',
  'information_minister',
  'health_minister',
  'education_minister',
  'labour_minister',
  'religious_affairs_minister',
  'supreme_leader',
  'foreign_ministry_spokesperson',
  'government_spokesperson',
  'presidential_spokesperson',
  'army_chief_of_staff',
  'armed_forces_commander',
  'intelligence_chief',
  'national_security_adviser',
  'secretary_general',
  'parliament_speaker',
  'chief_justice',
  'central_bank_governor',
  'police_chief',
]);
/** Opening brackets and quotes a nisba may follow: خادمة (إندونيسية). */
const OPENERS = new Set(['(', '«', '"', '“', '[']);
/** Nouns that introduce a place name: مدينة عدن, محافظة لحج. */
const PLACE_NOUNS = new Set(
  [
    'مدينة',
    'محافظة',
    'العاصمة',
    'عاصمة',
    'منطقة',
    'بلدة',
    'قرية',
    'إقليم',
    'ولاية',
    'حي',
    'مخيم',
    'ميناء',
    'مطار',
  ].map((w) => normalize(w)),
);
/** Roles that belong to whatever body follows them: مسؤول في, المتحدث باسم, مدير عام. */
const GENERIC_ROLES = new Set([
  'official',
  'spokesperson',
  'head_of_organisation',
  'secretary_general',
  'member',
]);

export function recognizeActors(
  text: string,
  sentences: Sentence[],
  tokens: Token[],
  m: ActorMatcher,
  opts: RecognizeOptions,
): Recognized {
  useDocumentForms(tokens);
  const date = opts.date;
  const stops = stopWords();
  const stopLemmas = opts.stopLemmas ?? new Set<string>();
  const actors: Draft[] = [];
  const places: PlaceMention[] = [];
  /** Surname keys (one or two token forms joined by space) → entity. */
  const surnames = new Map<string, Entity>();
  let docWords: Set<string> | null = null;
  const docMentionsBase = (): Set<string> => {
    if (!docWords) {
      docWords = new Set<string>();
      for (const t of tokens) if (t.kind === 'word' && proclitics(t).length === 0) docWords.add(t.norm);
    }
    return docWords;
  };

  const ranges = sentenceRanges(sentences, tokens);
  // one sense per discourse: an ambiguous name (القاعدة, الجزيرة, حماس) stands for its entry
  // when the document also names that entry unambiguously, or (places) when a preposition or
  // a place noun introduces it
  const allSegs = ranges.map(([, from, to]) => matchSpan(m.root, tokens, from, to));
  const supported = new Set<unknown>();
  /** Countries the document names unambiguously (a country, a nisba, a place of it). */
  const docCountries = new Set<string>();
  for (const segs of allSegs)
    for (const sg of segs)
      for (const h of sg.hits) {
        if (h.amb) continue;
        supported.add(entryOf(h));
        if (h.t === 'country' || h.t === 'nisba') docCountries.add(h.country.code);
        else if (h.t === 'place') docCountries.add(h.place.country);
      }
  /**
   * عمان: Oman or Amman? When an ambiguous country name is also an ambiguous place of another
   * country, the document's other mentions decide (الأردن → Amman); with no evidence, the place.
   */
  const countryOrPlace = (hits: Hit[]): Hit[] => {
    let c: Extract<Hit, { t: 'country' }> | undefined;
    let p: Extract<Hit, { t: 'place' }> | undefined;
    for (const h of hits) {
      if (h.t === 'country' && h.amb) c = h;
      else if (h.t === 'place' && h.amb) p = h;
    }
    if (!c || !p || c.country.code === p.place.country) return hits;
    const keepCountry = docCountries.has(c.country.code) && !docCountries.has(p.place.country);
    return hits.filter((h) => (keepCountry ? h !== p : h !== c));
  };
  const prevForm = (i: number): string => {
    const p = tokens[i - 1];
    return p && p.sentence === tokens[i]!.sentence && p.kind === 'word' ? lookupForms(p)[0]! : '';
  };
  const placeContext = (i: number): boolean => {
    const t = tokens[i]!;
    if (proclitics(t).some((p) => PARTICLE_PROCLITICS.has(p))) return true;
    const prev = tokens[i - 1];
    if (!prev || prev.sentence !== t.sentence) return false;
    const f = lookupForms(prev)[0]!;
    return PREPOSITIONS.has(f) || PLACE_NOUNS.has(f);
  };

  for (let r = 0; r < ranges.length; r++) {
    const [sIdx, from, to] = ranges[r]!;
    const segs: Segment[] = [];
    for (const sg of allSegs[r]!) {
      // country names are never dropped (الكويت is the country or its capital, both KWT)
      const hasCountry = sg.hits.some((h) => h.t === 'country' && !h.amb);
      const hits = sg.hits.filter(
        (h) =>
          // names take no pronoun suffix: بلدهم is "their country", not Balad
          !(sg.enclitic && (h.t === 'place' || h.t === 'org' || h.t === 'country' || h.t === 'person')) &&
          !(sg.pronoun && h.t === 'role') &&
          (!h.definite ||
            h.definite.every((d, k) =>
              h.exactArticle
                ? d === isDefinite(tokens[sg.from + k]!)
                : !d || isDefinite(tokens[sg.from + k]!),
            )) &&
          // a royal title inside an institution's name: مستشفى الملك عبدالعزيز
          !(INSTITUTIONS.has(prevForm(sg.from)) && (h.t === 'role' || h.t === 'person')) &&
          (!h.amb ||
            h.t === 'role' ||
            h.t === 'country' ||
            h.t === 'nisba' ||
            supported.has(entryOf(h)) ||
            (h.t === 'place' && (placeContext(sg.from) || hasCountry))),
      );
      const decided = countryOrPlace(hits);
      if (decided.length > 0) segs.push(decided.length === sg.hits.length ? sg : { ...sg, hits: decided });
    }
    const segAt = new Map<number, Segment>();
    for (const s of segs) segAt.set(s.from, s);

    const wholeAt = new Set<number>();
    for (const sg of segs) if (sg.whole) wholeAt.add(sg.from);

    let lastEnd = from;
    const push = (d: Omit<Draft, 'sentence' | 'text' | 'start' | 'end'>, a: number, b: number) => {
      const start = wholeAt.has(a) ? tokens[a]!.start : startAfterParticles(tokens[a]!);
      const end = tokens[b - 1]!.end;
      // built field by field (an object spread here was the recogniser's hottest line)
      const draft: Draft = {
        text: text.slice(start, end),
        start,
        end,
        code: d.code,
        country: d.country,
        actor: d.actor,
        name: d.name,
        sentence: sIdx,
        kind: d.kind,
        resolution: d.resolution,
        tokenStart: a,
        tokenEnd: b,
        office: d.office ?? null,
        roleKey: d.roleKey,
        person: d.person,
      };
      if (d.sector !== undefined) draft.sector = d.sector;
      if (d.bodyKey !== undefined) draft.bodyKey = d.bodyKey;
      actors.push(draft);
      lastEnd = Math.max(lastEnd, b);
      return draft;
    };

    /** A name-like word: not a stop word, trigger, preposition or dictionary entry. */
    const nameLike = (k: number, allowParticles: boolean): boolean => {
      const t = tokens[k];
      if (t?.kind !== 'word' || t.sentence !== sIdx) return false;
      const pro = proclitics(t);
      if (pro.some((p) => p === 'و' || p === 'ف' || p === 'س')) return false;
      if (!allowParticles && pro.some((p) => p !== 'ال')) return false;
      const f = lookupForms(t)[0]!;
      if (isStopWord(t.text, t.norm) || (f !== t.norm && stops.has(f)) || PREPOSITIONS.has(f)) return false;
      if (stopLemmas.has(t.lemma) || stopLemmas.has(t.stem)) return false;
      return !segAt.has(k) || NAME_PARTICLES.has(f);
    };

    /** The end of a patronymic chain after a name: سلمان [بن عبد العزيز], محمد [بن راشد آل مكتوم]. */
    const patronymic = (end: number): number => {
      let k = end;
      while (k + 1 < to && PATRONYMIC.has(lookupForms(tokens[k]!)[0]!)) {
        let j = k + 1;
        // عبد العزيز is two words
        if (lookupForms(tokens[j]!)[0] === 'عبد' && j + 1 < to) j++;
        if (!plainWord(j) || segAt.has(j)) break;
        k = j + 1;
        // آل سعود, آل مكتوم: the family name after آل
        if (k + 1 < to && tokens[k]!.norm === 'ال' && plainWord(k + 1)) k += 2;
      }
      return k;
    };

    /** A plain word (no conjunction, not a stop word or preposition): الغاز in مجموعة الغاز البريطانية. */
    const plainWord = (k: number): boolean => {
      const t = tokens[k];
      if (t?.kind !== 'word' || t.sentence !== sIdx) return false;
      if (proclitics(t).some((p) => p === 'و' || p === 'ف')) return false;
      const f = lookupForms(t)[0]!;
      return !stops.has(t.norm) && !stops.has(f) && !PREPOSITIONS.has(f);
    };

    /** Name words right before a role (`هيلج لوند الرئيس التنفيذي ...`): the start of the name. */
    const appositiveName = (i: number): number => {
      if (plural(i)) return i;
      // name words carry no pronoun suffix and no plural verb ending (راحوا, يرجمون)
      const nameWord = (x: number) => {
        const t = tokens[x]!;
        if (t.pieces.some((p) => p.kind === 'enclitic')) return false;
        const st = t.stem || t.norm;
        return !(st.endsWith('ون') || st.endsWith('وا') || (st.startsWith('ي') && st.endsWith('ين')));
      };
      let k = i;
      while (k - 1 >= from && k - 1 >= lastEnd && i - k < 3 && nameLike(k - 1, true) && nameWord(k - 1)) k--;
      if (i - k >= 2 && !isDefinite(tokens[k]!)) return k;
      return i;
    };

    const prepBefore = (i: number): boolean => {
      const t = tokens[i]!;
      if (proclitics(t).some((p) => PARTICLE_PROCLITICS.has(p))) return true;
      const prev = tokens[i - 1];
      return !!prev && prev.sentence === sIdx && PREPOSITIONS.has(lookupForms(prev)[0]!);
    };

    const surnameAt = (i: number): { entity: Entity; to: number } | null => {
      if (surnames.size === 0) return null;
      const t = tokens[i];
      if (t?.kind !== 'word') return null;
      const a = articleForm(t);
      const n = tokens[i + 1];
      if (n && n.sentence === sIdx && n.kind === 'word') {
        const e = surnames.get(`${a} ${articleForm(n)}`);
        if (e) return { entity: e, to: i + 2 };
      }
      const e = surnames.get(a);
      return e ? { entity: e, to: i + 1 } : null;
    };

    const register = (d: Draft, nameFrom: number, nameTo: number) => {
      if (nameTo - nameFrom < 2) return;
      const e: Entity = { draft: d };
      const last = articleForm(tokens[nameTo - 1]!);
      const prev = articleForm(tokens[nameTo - 2]!);
      // أبو قصرة is a surname; بن عبدالعزيز is a father's name many share
      if (NAME_PARTICLES.has(prev)) {
        if (!PATRONYMIC.has(prev)) surnames.set(`${prev} ${last}`, e);
      } else if (last.length >= 3 && !stops.has(last)) surnames.set(last, e);
    };

    /** Unknown personal name starting at token k: up to 4 name-like words. */
    const unknownName = (k: number): number => {
      let j = k;
      while (j < to && j - k < 4) {
        const t = tokens[j]!;
        if (t.kind !== 'word') break;
        const pro = proclitics(t);
        if (pro.some((p) => p !== 'ال')) break;
        const f = lookupForms(t)[0]!;
        if (stops.has(t.norm) || stops.has(f) || PREPOSITIONS.has(f)) break;
        if (stopLemmas.has(t.lemma)) break;
        if (segAt.has(j) && !NAME_PARTICLES.has(f)) break;
        j++;
      }
      // a name is at least two words, unless punctuation closes it
      if (j - k === 1) {
        const after = tokens[j];
        if (after && after.sentence === sIdx && after.kind !== 'punct') return k;
      }
      if (j > k && NAME_PARTICLES.has(lookupForms(tokens[j - 1]!)[0]!)) j--;
      return j;
    };

    const holderOf = (prefix: string, role: Role): Person | null => {
      if (!SINGLE_SEAT.has(role.key)) return null;
      const list = m.holders.get(`${prefix}:${role.key}`);
      if (!list) return null;
      const now = list.filter((p) => p.offices.some((o) => o.role === role.key && covers(o, date, prefix)));
      return now.length === 1 ? now[0]! : null;
    };

    let i = from;
    while (i < to) {
      const t = tokens[i]!;
      const seg = segAt.get(i);
      const f0 = t.kind === 'word' ? lookupForms(t) : [];

      // counterpart: نظيره السوري
      if (!seg && f0.some((f) => COUNTERPART.has(f) || COUNTERPART.has(t.stem))) {
        const next = segAt.get(i + 1);
        const nisba = next && pick(next.hits, 'nisba');
        if (nisba) {
          const gov = governing(actors, sIdx) ?? governing(actors, sIdx - 1);
          const role = gov?.roleKey ? m.roles.get(gov.roleKey) : undefined;
          const cc = nisba.country.code;
          // a name may follow: نظيره السوري أسعد الشيباني
          const named = segAt.get(next!.to);
          const namedPerson = named && pick(named.hits, 'person');
          let end = next!.to;
          let holder = role ? holderOf(cc, role) : null;
          if (namedPerson) {
            holder = namedPerson.person;
            end = named!.to;
          } else if (role?.kind === 'person') {
            const n2 = unknownName(next!.to);
            if (n2 > next!.to) end = n2;
          }
          const off = holder ? officeAt(holder, date) : null;
          const d = push(
            {
              kind: 'person',
              resolution: 'counterpart',
              code: off?.code ?? `${cc}${role?.sector ?? 'GOV'}`,
              country: cc,
              actor: holder ? personId(holder) : null,
              name: holder ? holder.nameEn : null,
              tokenStart: i,
              tokenEnd: end,
              office: role?.officeEn ?? null,
              roleKey: role?.key ?? null,
              person: holder,
            },
            i,
            end,
          );
          if (end > next!.to) register(d, next!.to, end);
          i = end;
          continue;
        }
      }

      // side: الجانب السوري، الجانبين السوري والروسي
      if (!seg && f0.some((f) => SIDE.has(f))) {
        let j = i + 1;
        let first = true;
        while (j < to) {
          const s = segAt.get(j);
          const nisba = s && pick(s.hits, 'nisba');
          if (!nisba) break;
          const cc = nisba.country.code;
          push(
            {
              kind: 'country',
              resolution: 'side',
              code: cc,
              country: cc,
              actor: null,
              name: null,
              tokenStart: first ? i : j,
              tokenEnd: s!.to,
              roleKey: null,
              person: null,
            },
            first ? i : j,
            s!.to,
          );
          first = false;
          j = s!.to;
        }
        if (!first) {
          i = j;
          continue;
        }
      }

      // surname of an entity introduced earlier (longer dictionary matches win)
      const sn = surnameAt(i);
      if (sn && (!seg || seg.to <= sn.to) && !(seg && pick(seg.hits, 'person'))) {
        const e = sn.entity.draft;
        push(
          {
            kind: 'person',
            resolution: 'surname',
            code: e.code,
            country: e.country,
            actor: e.actor,
            name: e.name,
            tokenStart: i,
            tokenEnd: sn.to,
            office: e.office ?? null,
            roleKey: e.roleKey,
            person: e.person,
          },
          i,
          sn.to,
        );
        i = sn.to;
        continue;
      }

      if (!seg) {
        i++;
        continue;
      }

      const person = pick(seg.hits, 'person');
      const org = pick(seg.hits, 'org');
      const role = pick(seg.hits, 'role');
      const country = pick(seg.hits, 'country');
      const nisba = pick(seg.hits, 'nisba');
      const place = pick(seg.hits, 'place');

      if (person) {
        const d = personDraft(person.person, null, null, 'dictionary');
        const end = patronymic(seg.to);
        const dd = push({ ...d, tokenStart: i, tokenEnd: end }, i, end);
        register(dd, i, seg.to);
        i = end;
        continue;
      }

      if (role) {
        i = roleMention(i, seg, role.role, !!role.amb);
        continue;
      }

      // a one-word definite name right after a definite noun is an adjective: الآليات الحديثة
      if ((org || place) && !role && !person && seg.to - seg.from === 1 && adjectivalName(i)) {
        i = seg.to;
        continue;
      }

      if (org) {
        let end = seg.to;
        const next = segAt.get(end);
        const nextNisba = next ? pick(next.hits, 'nisba') : undefined;
        if (nextNisba) end = next!.to;
        // قوات الاحتلال العراقية: a state organisation with another country's nisba is that country's
        const orgCode =
          nextNisba &&
          org.org.country &&
          nextNisba.country.code !== org.org.country &&
          org.org.code.length === 6
            ? `${nextNisba.country.code}${org.org.code.slice(3)}`
            : org.org.code;
        // واس - الرياض: a news agency in the dateline is the byline, not an actor
        if (!suppressOrg(org.org, docMentionsBase) && !(org.org.kind === 'media' && dateline(i))) {
          push(
            {
              kind: 'org',
              resolution: 'dictionary',
              code: orgCode,
              country: orgCode === org.org.code ? org.org.country : orgCode.slice(0, 3),
              actor: org.org.wikidata ?? `rasad:${org.org.id}`,
              name: org.org.nameEn,
              tokenStart: i,
              tokenEnd: end,
              roleKey: null,
              person: null,
            },
            i,
            end,
          );
        }
        i = end;
        continue;
      }

      // نداء باريس, مباراة البرازيل: a capital or country naming a thing is not an actor
      if ((country || place) && !role && !person && !org && NAMED_THINGS.has(prevForm(i))) {
        if (place) places.push(placeMention(i, seg.to, place.place));
        i = seg.to;
        continue;
      }
      // inside a personal name (فيصل بن تركي) a country word is part of the name
      if ((country || nisba || place) && i > from && NAME_PARTICLES.has(lookupForms(tokens[i - 1]!)[0]!)) {
        i = seg.to;
        continue;
      }

      // والتركي رجب طيب أردوغان: a nisba right before a known person is that person's
      if ((country || nisba) && !role && !org) {
        const nx = segAt.get(seg.to);
        if (nx && pick(nx.hits, 'person')) {
          i = seg.to;
          continue;
        }
      }
      if (country || nisba) {
        const useNisba = nisba && (!country || adjectival(i));
        // عبدالله بن عبدالمحسن التركي, الشيخ الألباني: a nisba closing a personal name is a family name
        if (useNisba && seg.to - i === 1 && familyName(i)) {
          i = seg.to;
          continue;
        }
        const c = (useNisba ? nisba : country)!.country;
        // a nisba takes the plain noun it qualifies: المستوطنين الإسرائيليين, مسلحا حوثيا
        let start = useNisba && i - 1 >= from && i - 1 >= lastEnd && nameLike(i - 1, true) ? i - 1 : i;
        // خادمة (إندونيسية): the noun before an opening bracket
        if (
          useNisba &&
          start === i &&
          i - 2 >= from &&
          i - 2 >= lastEnd &&
          OPENERS.has(tokens[i - 1]!.text) &&
          nameLike(i - 2, true)
        )
          start = i - 2;
        if (!useNisba || start < i || i === from || !prepBefore(i)) {
          push(
            {
              kind: useNisba ? 'nisba' : 'country',
              resolution: useNisba ? 'nisba' : 'country',
              code: c.code,
              country: c.code,
              actor: null,
              name: useNisba ? null : c.nameEn,
              tokenStart: start,
              tokenEnd: seg.to,
              roleKey: null,
              person: null,
            },
            start,
            seg.to,
          );
        }
        if (!useNisba) places.push(countryPlace(i, seg.to, c.code, c.nameEn, c.namesAr[0] ?? ''));
        i = seg.to;
        continue;
      }

      if (place) {
        const p = place.place;
        places.push(placeMention(i, seg.to, p));
        if (m.capitalIds.has(p.id) && !prepBefore(i) && !dateline(i) && !namedPlace(i)) {
          push(
            {
              kind: 'capital',
              resolution: 'capital',
              code: p.country,
              country: p.country,
              actor: null,
              name: null,
              tokenStart: i,
              tokenEnd: seg.to,
              roleKey: null,
              person: null,
            },
            i,
            seg.to,
          );
        }
        i = seg.to;
        continue;
      }
      i = seg.to;
    }

    /**
     * A definite nisba that closes a personal name is a family name, not a nationality: after a
     * given name (عبدالله التركي), a patronymic (بن عبدالمحسن التركي), a compound name
     * (ناصر الدين الألباني) or a scholar's title (الشيخ الألباني).
     */
    function familyName(i: number): boolean {
      const t = tokens[i]!;
      if (!isDefinite(t) || proclitics(t).some((p) => p !== 'ال')) return false;
      const prev = tokens[i - 1];
      if (i === from || prev?.kind !== 'word' || prev.sentence !== sIdx) return false;
      const f = lookupForms(prev)[0]!;
      if (SCHOLAR_TITLES.has(f)) return true;
      if (segAt.has(i - 1)) return false;
      if (GIVEN_NAMES.has(f) || (f.startsWith('عبد') && f.length > 4)) return true;
      if (f === 'دين' && isDefinite(prev) && i - 2 >= from && nameLike(i - 2, false)) return true;
      const prev2 = tokens[i - 2];
      return (
        i - 2 >= from &&
        prev2?.kind === 'word' &&
        NAME_PARTICLES.has(lookupForms(prev2)[0]!) &&
        nameLike(i - 1, false)
      );
    }

    /** A capital named as a location: العاصمة صنعاء, بمدينة الرياض, بالعاصمة البلجيكية بروكسل. */
    function namedPlace(i: number): boolean {
      if (i === from) return false;
      if (PLACE_NOUNS.has(prevForm(i))) return true;
      const prev = tokens[i - 1]!;
      const ps = segAt.get(i - 1);
      return (
        !!ps &&
        !!pick(ps.hits, 'nisba') &&
        ps.from > from &&
        prev.sentence === sIdx &&
        PLACE_NOUNS.has(prevForm(ps.from))
      );
    }

    /** A nisba reading is adjectival after a noun: `القوات السعودية`, `مسؤولين روس`. */
    function adjectival(i: number): boolean {
      if (i === from) return false;
      const prev = tokens[i - 1]!;
      if (prev.kind !== 'word') return false;
      if (PREPOSITIONS.has(lookupForms(prev)[0]!)) return false;
      const t = tokens[i]!;
      if (proclitics(t).some((p) => PARTICLE_PROCLITICS.has(p))) return false;
      return isDefinite(t) === isDefinite(prev) || !isDefinite(t);
    }

    /** A noun read as "any": `حزب أو جماعة`, `أي حكومة`, `أو حزب`. */
    function anyOne(i: number): boolean {
      const next = tokens[i + 1];
      const prev = i > from ? tokens[i - 1] : undefined;
      return (
        (next?.sentence === sIdx && next.norm === ANY_OR) ||
        (!!prev && (ANY_WORDS.has(prev.norm) || (prev.norm === ANY_OR && i - 1 > from)))
      );
    }

    /** A plural form of a role word: مسؤولين, مديري, مسؤولون. */
    function plural(i: number): boolean {
      const n = tokens[i]!.stem || tokens[i]!.norm;
      return n.endsWith('ين') || n.endsWith('ون') || n.endsWith('ي') || n.endsWith('و');
    }

    function adjectivalName(i: number): boolean {
      if (i === from || !isDefinite(tokens[i]!)) return false;
      if (proclitics(tokens[i]!).some((p) => p !== 'ال')) return false;
      const prev = tokens[i - 1]!;
      if (prev.kind !== 'word' || !isDefinite(prev)) return false;
      return !PREPOSITIONS.has(lookupForms(prev)[0]!);
    }

    /** A dateline: `الرياض - واس`, `واس - الرياض:`, `موسكو (رويترز)` at the start of the article. */
    function dateline(i: number): boolean {
      if (sIdx !== 0 || i - from > 4) return false;
      const n = tokens[i + 1]?.text;
      const p = tokens[i - 1]?.text;
      const marks = ['-', '–', '—', '(', ':'];
      return (!!n && marks.includes(n)) || (!!p && i > from && marks.includes(p));
    }

    /** Role-led mention: role [باسم|في] [body|org|place] [nisba|country] [،] [name]. */
    function roleMention(i: number, seg: Segment, role: Role, ambiguous: boolean): number {
      let j = seg.to;
      let cc: string | null = null;
      let org: Organisation | null = null;
      let body: Role | null = role.kind === 'body' ? role : null;
      let linked = false;
      // رئيس حزب الكتائب: the word "party" closing the title also opens the party's name
      if (role.kind === 'person' && PARTY_WORDS.has(lookupForms(tokens[seg.to - 1]!)[0]!)) {
        const om = longestMatch(m.root, tokens, seg.to - 1, to);
        const o = om && om.to > seg.to ? pick(om.hits, 'org') : undefined;
        if (o) {
          org = o.org;
          cc = o.org.country;
          j = om!.to;
        }
      }
      for (let step = 0; step < 4 && j < to; step++) {
        const t = tokens[j]!;
        const f = t.kind === 'word' ? lookupForms(t)[0]! : '';
        if ((f === 'باسم' || f === 'في' || f === 'لدي') && role.kind === 'person' && segAt.has(j + 1)) {
          const s = segAt.get(j + 1)!;
          if (pick(s.hits, 'org') || bodyRole(s.hits)) {
            j++;
            linked = true;
            continue;
          }
        }
        // a conjunction starts another mention: اللجان الشعبية والحوثيين
        if (proclitics(t).some((p) => p === 'و' || p === 'ف')) break;
        const s = segAt.get(j);
        if (!s) {
          // مجموعة الغاز البريطانية: one word between a body and its nisba
          const s2 = segAt.get(j + 1);
          if ((body || role.kind === 'body') && !cc && s2 && pick(s2.hits, 'nisba') && plainWord(j)) {
            j++;
            continue;
          }
          break;
        }
        // رئيس حزب القوات اللبنانية: after the word "party" a body and its nisba name the party
        if (step === 0 && !cc && PARTY_WORDS.has(lookupForms(tokens[seg.to - 1]!)[0]!) && bodyRole(s.hits)) {
          const ns = segAt.get(s.to);
          const nn = ns && (pick(ns.hits, 'nisba') ?? pick(ns.hits, 'country'));
          if (ns && nn) {
            cc = nn.country.code;
            j = ns.to;
            continue;
          }
        }
        const n = pick(s.hits, 'nisba');
        const c = pick(s.hits, 'country');
        const o = pick(s.hits, 'org');
        const b = bodyRole(s.hits);
        const p = pick(s.hits, 'place');
        if (n && !cc) cc = n.country.code;
        else if (c && !cc) cc = c.country.code;
        else if (o && !org && !cc) {
          org = o.org;
          if (o.org.country) cc = o.org.country;
        } else if (
          b &&
          !body &&
          !cc &&
          role.kind === 'person' &&
          (linked ||
            proclitics(tokens[j]!).includes('ل') ||
            GENERIC_ROLES.has(role.key) ||
            role.key.endsWith('spokesperson'))
        )
          body = b.role;
        else if (p && !cc && p.place.kind === 'region') {
          cc = p.place.country;
        } else break;
        j = s.to;
      }
      // the name introduced by a person role
      let k = j;
      let person: Person | null = null;
      let nameTo = j;
      let resolution: Resolution = cc ? (org ? 'role+org' : 'role+nisba') : org ? 'role+org' : 'role-only';
      if (role.kind === 'person') {
        if (k < to && NAME_SEPARATORS.has(tokens[k]!.text) && cc) k++;
        // honorifics before a name: وزير التعليم الدكتور عزام الدخيل
        while (
          k < to &&
          k - j < 2 &&
          TITLES.has(lookupForms(tokens[k]!)[0]!) &&
          (segAt.has(k + 1) || nameLike(k + 1, false))
        )
          k++;
        const s = segAt.get(k);
        const p = s && pick(s.hits, 'person');
        const sn = !p ? surnameAt(k) : null;
        if (p) {
          person = p.person;
          nameTo = s!.to;
          resolution = 'role+name';
        } else if (sn) {
          const e = sn.entity.draft;
          push(
            {
              kind: 'person',
              resolution: 'title+surname',
              code: e.code,
              country: e.country,
              actor: e.actor,
              name: e.name,
              tokenStart: i,
              tokenEnd: sn.to,
              office: e.office ?? null,
              roleKey: e.roleKey,
              person: e.person,
            },
            i,
            sn.to,
          );
          return sn.to;
        } else {
          // a new name after the role: وزير الدفاع السوري مرهف أبو قصرة; وزير التعليم الدكتور X
          const end = plural(i) ? k : unknownName(k);
          if (end > k && (cc || org || body || end - k >= 2)) {
            nameTo = end;
            resolution = 'role+name';
          }
        }
      }
      // a role inside a body takes the body's sector: مسؤولين في الاستخبارات → SPY
      const sector = body && body.sector !== '-' ? body.sector : role.sector === '-' ? 'GOV' : role.sector;
      if (person) {
        const d = personDraft(person, cc, role, 'role+name');
        const nameEnd = nameTo;
        nameTo = patronymic(nameTo);
        const dd = push({ ...d, tokenStart: i, tokenEnd: nameTo }, i, nameTo);
        register(dd, k, nameEnd);
        return nameTo;
      }
      // an ambiguous role word (مجموعة: "a number of") is an actor only with a qualifier
      if (ambiguous && role.kind === 'body' && !cc && !org) return seg.to;
      // a bare indefinite body in a disjunction or after أي (من طرف حزب أو جماعة, أي حكومة)
      // is "any party": it refers to no one
      if (role.kind === 'body' && !cc && !org && j === i + 1 && !isDefinite(tokens[i]!) && anyOne(i))
        return seg.to;
      if (!cc && !org && role.kind === 'body' && !body) {
        // a body named again without its country: الشركة, الوزارة → its last mention
        const prevBody = previousBody(actors, role);
        if (prevBody) {
          push(
            {
              kind: 'body',
              resolution: 'previous-mention',
              code: prevBody.code,
              country: prevBody.country,
              actor: prevBody.actor,
              name: prevBody.name,
              tokenStart: i,
              tokenEnd: j,
              office: prevBody.office ?? null,
              roleKey: role.key,
              person: null,
            },
            i,
            j,
          );
          return j;
        }
      }
      if (!cc && !org && body && body !== role) {
        // رئيس النادي: the club named earlier in the article gives the country
        const prevBody = previousBody(actors, body);
        if (prevBody?.country) cc = prevBody.country;
      }
      if (!cc && !org) {
        // title alone: the latest entity holding that kind of office
        const prev = role.kind === 'person' ? previousHolder(actors, role, body) : null;
        if (prev && nameTo === j) {
          push(
            {
              kind: 'person',
              resolution: 'previous-mention',
              code: prev.code,
              country: prev.country,
              actor: prev.actor,
              name: prev.name,
              tokenStart: i,
              tokenEnd: j,
              office: prev.office ?? null,
              roleKey: prev.roleKey,
              person: prev.person,
            },
            i,
            j,
          );
          return j;
        }
        // the name may stand before a role of a body: علي النزلي رئيس النادي
        let apStart = i;
        if (role.kind === 'person' && nameTo === j && body) {
          apStart = appositiveName(i);
          if (apStart < i) {
            k = apStart;
            nameTo = i;
          }
        }
        if (
          role.kind === 'body' ||
          nameTo > j ||
          apStart < i ||
          (GENERIC_ROLES.has(role.key) && (body || plural(i)))
        ) {
          // country filled from the document context afterwards
          const d = push(
            {
              kind: role.kind === 'body' ? 'body' : 'role',
              resolution: 'role-only',
              code: '',
              country: null,
              actor: null,
              name: nameTo > j || apStart < i ? text.slice(tokens[k]!.start, tokens[nameTo - 1]!.end) : null,
              tokenStart: apStart,
              tokenEnd: Math.max(j, nameTo),
              office: role.officeEn,
              roleKey: role.key,
              person: null,
              sector,
              ...(body && body !== role ? { bodyKey: body.key } : {}),
            },
            apStart,
            Math.max(j, nameTo),
          );
          if (nameTo > j || apStart < i) register(d, k, nameTo);
        }
        return Math.max(j, nameTo);
      }
      const prefix = cc ?? org!.code;
      const holder = nameTo === j && role.kind === 'person' ? holderOf(prefix, role) : null;
      // the name may stand before the role: هيلج لوند الرئيس التنفيذي لمجموعة ...
      let start = i;
      if (role.kind === 'person' && nameTo === j && !holder) {
        start = appositiveName(i);
        if (start < i) {
          k = start;
          nameTo = i;
          resolution = 'role+name';
        }
      }
      const code = org && !cc ? org.code : `${cc}${sector}`;
      const isOrgCode = org && org.code.length > 3 && org.country === cc;
      const d = push(
        {
          kind: role.kind === 'body' ? 'body' : holder || nameTo > j || start < i ? 'person' : 'role',
          resolution,
          code: isOrgCode && role.kind === 'person' && !body ? org!.code : code,
          country: cc,
          actor: holder ? personId(holder) : null,
          name: holder
            ? holder.nameEn
            : nameTo > k && nameTo !== j
              ? text.slice(tokens[k]!.start, tokens[nameTo - 1]!.end)
              : null,
          tokenStart: start,
          tokenEnd: Math.max(j, nameTo),
          office: role.officeEn,
          roleKey: role.key,
          person: holder,
          ...(body && body !== role ? { bodyKey: body.key } : {}),
        },
        start,
        Math.max(j, nameTo),
      );
      if (holder) {
        // the office the text names (وزير الدفاع السعودي → the defence office), not another one he holds
        const held = officesAt(holder, date);
        const off = held.find((o) => o.role === role.key) ?? officeAt(holder, date);
        if (off) d.code = off.code;
      }
      if (start < i) register(d, start, i);
      else if (nameTo > j) register(d, k, nameTo);
      return Math.max(j, nameTo);
    }

    function personDraft(
      p: Person,
      cc: string | null,
      role: Role | null,
      resolution: Resolution,
    ): Omit<Draft, 'sentence' | 'text' | 'start' | 'end' | 'tokenStart' | 'tokenEnd'> {
      // the office the text names (وزير المالية الهولندي), else the one held on the date
      const held = officesAt(p, date);
      const off =
        held.find((o) => role && o.role === role.key && (!cc || o.code.startsWith(cc))) ??
        held.find((o) => cc && o.code.startsWith(cc)) ??
        officeAt(p, date);
      const fallback = officeAt(p, null);
      const code =
        off?.code ?? (cc && role ? `${cc}${role.sector}` : (codeCountry(fallback?.code ?? '') ?? ''));
      return {
        kind: 'person',
        resolution,
        code,
        country: codeCountry(code),
        actor: personId(p),
        name: p.nameEn,
        office: off ? (m.roles.get(off.role)?.officeEn ?? off.role) : (role?.officeEn ?? null),
        roleKey: off?.role ?? role?.key ?? null,
        person: p,
      };
    }
  }

  fillContext(actors, places, tokens);
  const out: ActorMention[] = [];
  for (const a of actors) {
    if (!a.code) continue;
    const { roleKey: _r, person: _p, sector: _s, bodyKey: _b, ...mention } = a;
    out.push(mention);
  }
  out.sort((a, b) => a.start - b.start);
  places.sort((a, b) => a.start - b.start);
  return { actors: out, places };

  function covers(
    o: { from: string | null; to: string | null; code: string },
    d: string | null,
    prefix: string,
  ) {
    if (!o.code.startsWith(prefix)) return false;
    return d ? officeCovers(o as never, d) : !o.to;
  }

  function placeMention(a: number, b: number, p: PlaceEntry): PlaceMention {
    const start = startAfterParticles(tokens[a]!);
    const end = tokens[b - 1]!.end;
    return {
      start,
      end,
      text: text.slice(start, end),
      sentence: tokens[a]!.sentence,
      id: p.id,
      kind: m.capitalIds.has(p.id) ? 'capital' : p.kind === 'region' ? 'region' : 'city',
      name: p.nameEn,
      name_ar: p.namesAr[0] ?? text.slice(start, end),
      country: p.country,
      lat: p.lat,
      lon: p.lon,
      tokenStart: a,
      tokenEnd: b,
    };
  }

  function countryPlace(a: number, b: number, code: string, nameEn: string, nameAr: string): PlaceMention {
    const start = startAfterParticles(tokens[a]!);
    const end = tokens[b - 1]!.end;
    return {
      start,
      end,
      text: text.slice(start, end),
      sentence: tokens[a]!.sentence,
      id: `country:${code}`,
      kind: 'country',
      name: nameEn,
      name_ar: nameAr,
      country: code,
      lat: null,
      lon: null,
      tokenStart: a,
      tokenEnd: b,
    };
  }
}

/** The knowledge-base entry behind a hit. */
function entryOf(h: Hit): unknown {
  switch (h.t) {
    case 'country':
    case 'nisba':
      return h.country;
    case 'place':
      return h.place;
    case 'org':
      return h.org;
    case 'role':
      return h.role;
    case 'person':
      return h.person;
  }
}

function personId(p: Person): string {
  return p.wikidata ?? `rasad:${p.id}`;
}

function pick<T extends Hit['t']>(hits: Hit[], t: T): Extract<Hit, { t: T }> | undefined {
  for (const h of hits) if (h.t === t) return h as Extract<Hit, { t: T }>;
  return undefined;
}

function bodyRole(hits: Hit[]): { role: Role } | undefined {
  for (const h of hits) if (h.t === 'role' && h.role.kind === 'body') return h;
  return undefined;
}

/** How many earlier mentions coreference looks back over (bounded: linear time on long texts). */
const LOOKBACK = 300;

/** The nearest earlier person mention of sentence `s` that holds an office. */
function governing(actors: Draft[], s: number): Draft | null {
  for (let k = actors.length - 1; k >= Math.max(0, actors.length - LOOKBACK); k--) {
    const a = actors[k]!;
    if (a.sentence < s) break;
    if (a.sentence === s && a.kind === 'person' && a.roleKey) return a;
  }
  return null;
}

/** The latest mention of someone holding `role` (a generic title like الوزير matches any minister). */
function previousHolder(actors: Draft[], role: Role, body: Role | null): Draft | null {
  for (let k = actors.length - 1; k >= Math.max(0, actors.length - LOOKBACK); k--) {
    const a = actors[k]!;
    if (a.kind !== 'person' || !a.roleKey || !a.code) continue;
    if (a.roleKey === role.key && (!body || a.bodyKey === body.key)) return a;
    if (!body && role.key === 'minister' && a.roleKey.endsWith('_minister')) return a;
  }
  return null;
}

/** The latest mention of the same kind of body that had a country: الشركة after مجموعة الغاز البريطانية. */
function previousBody(actors: Draft[], role: Role): Draft | null {
  for (let k = actors.length - 1; k >= Math.max(0, actors.length - LOOKBACK); k--) {
    const a = actors[k]!;
    if (a.roleKey === role.key && a.code && a.country) return a;
    if (a.bodyKey === role.key && a.code && a.country) return a;
  }
  return null;
}

/**
 * `القاعدة` is al-Qaeda, except in a document that speaks of a base (`قاعدة العند`): an
 * indefinite `قاعدة` elsewhere in the text makes the definite one anaphoric.
 */
function suppressOrg(org: Organisation, docWords: () => Set<string>): boolean {
  return org.code === 'IMGAQD' && docWords().has('قاعده');
}

/** Bodies named without a country (الحكومة, وزارة الداخلية) take the document's dominant country. */
function fillContext(actors: Draft[], places: PlaceMention[], tokensRef: Token[]): void {
  const placeAt = new Map<number, PlaceMention>();
  for (const pl of places) if (pl.country) placeAt.set(pl.tokenStart, pl);
  const counts = new Map<string, number>();
  const bump = (c: string | null, w: number) => {
    if (c) counts.set(c, (counts.get(c) ?? 0) + w);
  };
  for (const a of actors) if (a.code) bump(a.country, a.kind === 'nisba' ? 1 : 2);
  for (const p of places) bump(p.country, 1);
  let best: string | null = null;
  let bestN = 0;
  for (const [c, n] of counts)
    if (n > bestN) {
      best = c;
      bestN = n;
    }
  for (let k = 0; k < actors.length; k++) {
    const a = actors[k]!;
    if (a.code || !a.roleKey) continue;
    // a group in construct with an actor belongs to it: أطفال نادي الجزيرة الفلسطيني, عناصر داعش
    let next = actors[k + 1];
    // مسلحون من تنظيم داعش: members of an organisation
    if (next && next.sentence === a.sentence && next.tokenStart === a.tokenEnd + 1 && next.kind === 'org') {
      const between = tokensRef[a.tokenEnd];
      if (between && between.norm === 'من') next = { ...next, tokenStart: a.tokenEnd };
    }
    const placeNext = placeAt.get(a.tokenEnd);
    if (!(next && next.tokenStart === a.tokenEnd) && placeNext) {
      // مسيحيو سهل نينوى: a group in construct with a place is of that place's country
      a.country = placeNext.country;
      a.code = `${placeNext.country}${a.sector ?? 'GOV'}`;
      a.resolution = 'role+nisba';
      continue;
    }
    const conj = next ? proclitics(tokensRef[next.tokenStart]!).some((p) => p === 'و' || p === 'ف') : false;
    if (next && !conj && next.sentence === a.sentence && next.tokenStart === a.tokenEnd && next.code) {
      a.country = next.country;
      a.code =
        a.kind === 'body' && next.kind !== 'country'
          ? next.code
          : `${next.country ?? next.code}${a.sector ?? 'GOV'}`;
      a.resolution = 'role+org';
      continue;
    }
    // the country the document is about: two mentions and most of them, or the only country it names
    let total = 0;
    for (const n of counts.values()) total += n;
    if (!best || (bestN < 2 && counts.size > 1) || bestN < total / 2) continue;
    a.country = best;
    a.code = `${best}${a.sector ?? 'GOV'}`;
  }
}

function sentenceRanges(sentences: Sentence[], tokens: Token[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  let i = 0;
  for (const s of sentences) {
    const from = i;
    while (i < tokens.length && tokens[i]!.sentence === s.index) i++;
    out.push([s.index, from, i]);
  }
  return out;
}
