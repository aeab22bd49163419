/**
 * GDELT geography blocks (Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID)
 * from an event place. Country codes are FIPS 10-4, as GDELT writes them.
 */
import type { Place } from '../types.js';
import { countryCodes, kbPlace } from './tables.js';

/** GDELT Geo_Type: 1 country, 4 world city, 5 world state (ADM1 region); US places take 2 / 3. */
export type GeoType = 0 | 1 | 2 | 3 | 4 | 5;

export interface GeoBlock {
  type: GeoType;
  fullName: string;
  countryCode: string;
  adm1: string;
  adm2: string;
  lat: number | null;
  lon: number | null;
  featureId: string;
}

/** The block GDELT writes when an event has no such location: type 0, everything else empty. */
export const NO_GEO: GeoBlock = {
  type: 0,
  fullName: '',
  countryCode: '',
  adm1: '',
  adm2: '',
  lat: null,
  lon: null,
  featureId: '',
};

/** FIPS 10-4 code of a 3-letter country; Palestine is WE (West Bank), or GZ for a point in the Gaza Strip. */
export function fipsOf(iso3: string | null, lat: number | null = null, lon: number | null = null): string {
  if (!iso3) return '';
  if (iso3 === 'PSE' && lat !== null && lon !== null && inGazaStrip(lat, lon)) return 'GZ';
  return countryCodes(iso3)?.fips ?? '';
}

function inGazaStrip(lat: number, lon: number): boolean {
  return lat >= 31.2 && lat <= 31.6 && lon >= 34.2 && lon <= 34.6;
}

export function geoBlock(place: Place | null): GeoBlock {
  if (!place) return NO_GEO;
  const country = place.country ? countryCodes(place.country) : undefined;
  const fips = fipsOf(place.country, place.lat, place.lon);
  if (place.lat === null || place.lon === null) {
    // A country-level place: GDELT's ADM1Code and FeatureID of a country are its FIPS code.
    return {
      ...NO_GEO,
      type: 1,
      fullName: country?.name ?? place.name,
      countryCode: fips,
      adm1: fips,
      featureId: fips,
    };
  }
  const kb = kbPlace(place);
  const region = kb?.kind === 'region';
  const us = place.country === 'USA';
  const type: GeoType = region ? (us ? 2 : 5) : us ? 3 : 4;
  const fullName = country && country.name !== place.name ? `${place.name}, ${country.name}` : place.name;
  return {
    type,
    fullName,
    countryCode: fips,
    adm1: '',
    adm2: '',
    lat: place.lat,
    lon: place.lon,
    featureId: kb?.id ?? '',
  };
}
