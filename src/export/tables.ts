/**
 * Lookup tables of the exports, read once: ISO3 → ISO2 / FIPS 10-4 / English name
 * (data/export/iso3-fips.tsv) and the knowledge-base places (data/kb/places.tsv) for a place's id
 * and kind, which merged events do not carry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../kb/load.js';
import type { Place } from '../types.js';

export interface CountryCodes {
  iso3: string;
  iso2: string;
  fips: string;
  name: string;
}

export interface KbPlace {
  id: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  kind: string;
}

/** Rows of a TSV file with `#` comments and a header line, as objects keyed by the header. */
export function readTsvObjects(file: string, required: readonly string[]): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  let header: string[] | null = null;
  const rows: Record<string, string>[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (!header) {
      header = cells;
      const missing = required.filter((c) => !cells.includes(c));
      if (missing.length > 0)
        throw new Error(`${file}:${i + 1}: header lacks column(s) ${missing.join(', ')}`);
      return;
    }
    const row: Record<string, string> = {};
    header.forEach((h, j) => {
      row[h] = cells[j] ?? '';
    });
    rows.push(row);
  });
  return rows;
}

let countries: Map<string, CountryCodes> | null = null;

/** Codes of a 3-letter country, or undefined for codes that are not countries (`IGO`, `NGO`). */
export function countryCodes(iso3: string): CountryCodes | undefined {
  if (!countries) {
    const file = join(repoRoot(), 'data', 'export', 'iso3-fips.tsv');
    countries = new Map();
    for (const r of readTsvObjects(file, ['iso3', 'iso2', 'fips', 'name_en'])) {
      const c = { iso3: r.iso3!, iso2: r.iso2!, fips: r.fips!, name: r.name_en! };
      countries.set(c.iso3, c);
    }
  }
  return countries.get(iso3);
}

let places: Map<string, KbPlace[]> | null = null;

/** The knowledge-base entry of a place (same English name and country, nearest coordinates). */
export function kbPlace(p: Place): KbPlace | undefined {
  if (p.lat === null || p.lon === null) return undefined;
  if (!places) {
    places = new Map();
    const file = join(repoRoot(), 'data', 'kb', 'places.tsv');
    for (const r of readTsvObjects(file, ['id', 'name_en', 'country', 'lat', 'lon', 'kind'])) {
      const e: KbPlace = {
        id: r.id!,
        name: r.name_en!,
        country: r.country!,
        lat: Number(r.lat),
        lon: Number(r.lon),
        kind: r.kind!,
      };
      const key = `${e.name}|${e.country}`;
      const list = places.get(key);
      if (list) list.push(e);
      else places.set(key, [e]);
    }
  }
  const list = places.get(`${p.name}|${p.country ?? ''}`);
  if (!list) return undefined;
  let best: KbPlace | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const e of list) {
    const d = Math.abs(e.lat - p.lat) + Math.abs(e.lon - p.lon);
    if (d < bestD) {
      best = e;
      bestD = d;
    }
  }
  return bestD < 0.5 ? best : undefined;
}
