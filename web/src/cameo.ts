/**
 * English names of CAMEO codes, from the project's table (data/cameo/cameo-codes.tsv), bundled as
 * a separate chunk and loaded on first use.
 */

let names: Promise<Map<string, string>> | null = null;

function parse(tsv: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of tsv.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    const [code, , , , , name] = cols;
    if (code && name && /^\d{2,4}$/.test(code)) out.set(code, name);
  }
  return out;
}

/** Code → English name; an empty map when the table cannot be loaded. */
export function cameoNames(): Promise<Map<string, string>> {
  names ??= import('../../data/cameo/cameo-codes.tsv?raw').then(
    (m) => parse(m.default),
    () => new Map<string, string>(),
  );
  return names;
}
