/**
 * Regular inflections of a nisba (relational adjective) base: سوري → سوري سورية سوريون
 * سوريين سوريان سوريتان سوريتين سوريات, each also with the article ال.
 * Multi-word bases (كوري جنوبي) inflect every word that ends in ي in agreement
 * (كورية جنوبية, الكوريون الجنوبيون). Bases not ending in ي only get the article form.
 */

/** Suffixes in agreement order: masc sg, fem sg, masc pl nom, masc pl obl / dual obl, dual nom, fem dual nom, fem dual obl, fem pl. */
const SUFFIXES = ['', 'ة', 'ون', 'ين', 'ان', 'تان', 'تين', 'ات'] as const;

const YEH = 'ي';

function withArticle(phrase: string): string {
  return phrase
    .split(' ')
    .map((w) => (w.startsWith('ال') ? w : 'ال' + w))
    .join(' ');
}

/** All inflected forms of a masculine singular nisba base, without duplicates, base first. */
export function nisbaForms(base: string): string[] {
  const b = base.trim().replace(/\s+/gu, ' ');
  if (b === '') return [];
  const words = b.split(' ');
  const inflects = words.some((w) => w.endsWith(YEH));
  const bare: string[] = [];
  if (!inflects) bare.push(b);
  else {
    for (const suffix of SUFFIXES) {
      bare.push(words.map((w) => (w.endsWith(YEH) ? w + suffix : w)).join(' '));
    }
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of [...bare, ...bare.map(withArticle)]) {
    if (!seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  }
  return out;
}
