/**
 * Splitting a CAMEO actor code (`SYRGOVLEG`, `IGOUNO`, `IMGAQD`) into the parts GDELT keeps in
 * separate columns: country, known group, religion codes and up to three type (role) codes.
 * Codes are read three letters at a time: a country first (ISO3, as in data/export/iso3-fips.tsv),
 * then role codes, religion codes, and any other three letters as the known group (`UNO`, `AQD`).
 */
import { countryCodes } from './tables.js';

/** CAMEO actor type (role) codes, including the transnational ones that open a code (IGO, NGO, IMG). */
export const ROLE_CODES: ReadonlySet<string> = new Set([
  'COP',
  'GOV',
  'INS',
  'JUD',
  'MIL',
  'OPP',
  'PTY',
  'REB',
  'SEP',
  'SPY',
  'UAF',
  'PRM',
  'AGR',
  'BUS',
  'CRM',
  'CVL',
  'DEV',
  'EDU',
  'ELI',
  'ENV',
  'HLH',
  'HRI',
  'LAB',
  'LEG',
  'MED',
  'REF',
  'MOD',
  'RAD',
  'REL',
  'SET',
  'MNC',
  'IGO',
  'NGO',
  'NGM',
  'IMG',
  'INT',
]);

/** Top-level religion codes of the CAMEO Religious Coding System. */
export const RELIGION_CODES: ReadonlySet<string> = new Set([
  'MOS',
  'SUN',
  'SHI',
  'ALE',
  'DRZ',
  'SFI',
  'CHR',
  'CTH',
  'PRO',
  'ORT',
  'CPT',
  'JEW',
  'BUD',
  'HIN',
  'SIK',
  'BAH',
  'ZRO',
  'YAZ',
  'JAN',
  'CON',
  'TAO',
  'SHN',
  'ATH',
]);

export interface ActorCodeParts {
  country: string;
  knownGroup: string;
  ethnic: string;
  religion1: string;
  religion2: string;
  types: [string, string, string];
}

/**
 * The parts of an actor code. `country` falls back to the actor's own country when the code does
 * not start with one. Extra role or religion codes beyond the columns GDELT has are dropped.
 */
export function splitActorCode(code: string, fallbackCountry: string | null = null): ActorCodeParts {
  const parts: ActorCodeParts = {
    country: '',
    knownGroup: '',
    ethnic: '',
    religion1: '',
    religion2: '',
    types: ['', '', ''],
  };
  const chunks = code.toUpperCase().match(/[A-Z0-9]{1,3}/g) ?? [];
  let nTypes = 0;
  chunks.forEach((c, i) => {
    if (i === 0 && c.length === 3 && countryCodes(c)) {
      parts.country = c;
    } else if (ROLE_CODES.has(c)) {
      if (nTypes < 3) parts.types[nTypes++] = c;
    } else if (RELIGION_CODES.has(c)) {
      if (!parts.religion1) parts.religion1 = c;
      else if (!parts.religion2) parts.religion2 = c;
    } else if (!parts.knownGroup) {
      parts.knownGroup = c;
    }
  });
  if (!parts.country && fallbackCountry) parts.country = fallbackCountry;
  return parts;
}
