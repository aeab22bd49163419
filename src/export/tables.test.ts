import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../kb/load.js';
import { splitActorCode } from './actor-code.js';
import { fipsOf, geoBlock } from './geo.js';
import { countryCodes, readTsvObjects } from './tables.js';

describe('country code tables', () => {
  it('has ISO2 and FIPS codes for every country of the knowledge base, without duplicates', () => {
    const kb = readTsvObjects(join(repoRoot(), 'data', 'kb', 'countries.tsv'), ['code']);
    expect(kb.length).toBeGreaterThan(190);
    for (const c of kb) {
      const codes = countryCodes(c.code!);
      expect(codes, c.code).toBeDefined();
      expect(codes!.fips).toMatch(/^[A-Z]{2}$/);
      expect(codes!.iso2).toMatch(/^[A-Z]{2}$/);
    }
    const rows = readTsvObjects(join(repoRoot(), 'data', 'export', 'iso3-fips.tsv'), [
      'iso3',
      'iso2',
      'fips',
    ]);
    expect(new Set(rows.map((r) => r.fips)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.iso2)).size).toBe(rows.length);
  });

  it('uses FIPS codes where they differ from ISO', () => {
    expect(fipsOf('DEU')).toBe('GM');
    expect(fipsOf('IRQ')).toBe('IZ');
    expect(fipsOf('LBN')).toBe('LE');
    expect(fipsOf('GBR')).toBe('UK');
    expect(fipsOf('SDN')).toBe('SU');
    expect(fipsOf('PSE')).toBe('WE');
    expect(fipsOf('PSE', 31.52, 34.45)).toBe('GZ');
    expect(fipsOf('PSE', 31.9, 35.2)).toBe('WE');
    expect(fipsOf(null)).toBe('');
    expect(countryCodes('IGO')).toBeUndefined();
  });

  it('types places as GDELT does: country, world city, world region, US city', () => {
    expect(geoBlock(null).type).toBe(0);
    expect(geoBlock({ name: 'Iraq', name_ar: 'العراق', country: 'IRQ', lat: null, lon: null })).toMatchObject(
      {
        type: 1,
        countryCode: 'IZ',
        featureId: 'IZ',
      },
    );
    expect(geoBlock({ name: 'Tibet', name_ar: 'التبت', country: 'CHN', lat: 31, lon: 88 })).toMatchObject({
      type: 5,
      fullName: 'Tibet, China',
      featureId: 'tibet',
    });
    const dc = geoBlock({ name: 'Washington', name_ar: 'واشنطن', country: 'USA', lat: 38.9, lon: -77.03 });
    expect(dc.type).toBe(3);
    expect(dc.countryCode).toBe('US');
  });
});

describe('splitActorCode', () => {
  it('splits country, roles, known groups and religions', () => {
    expect(splitActorCode('USAGOVLEG')).toMatchObject({ country: 'USA', types: ['GOV', 'LEG', ''] });
    expect(splitActorCode('SYRGOVMILSPYELI').types).toEqual(['GOV', 'MIL', 'SPY']);
    expect(splitActorCode('IGOUNO')).toMatchObject({
      country: '',
      knownGroup: 'UNO',
      types: ['IGO', '', ''],
    });
    expect(splitActorCode('IMGAQD')).toMatchObject({ knownGroup: 'AQD', types: ['IMG', '', ''] });
    expect(splitActorCode('PSEREBHMS')).toMatchObject({
      country: 'PSE',
      knownGroup: 'HMS',
      types: ['REB', '', ''],
    });
    expect(splitActorCode('IRQMOSSHI')).toMatchObject({ country: 'IRQ', religion1: 'MOS', religion2: 'SHI' });
    expect(splitActorCode('NGOHRW', 'USA')).toMatchObject({ country: 'USA', knownGroup: 'HRW' });
  });
});
