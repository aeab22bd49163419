import { describe, expect, it } from 'vitest';
import { cameoInfo, isCameoCode, loadCameo, parseCameoTable } from './cameo.js';

describe('CAMEO table', () => {
  it('has every root 01..20 with 3-digit codes under it', () => {
    const t = loadCameo();
    for (let r = 1; r <= 20; r++) {
      const root = String(r).padStart(2, '0');
      expect(t.byCode.has(root), root).toBe(true);
      expect(
        t.codes.some((c) => c.code.length === 3 && c.root === root),
        root,
      ).toBe(true);
    }
    expect(t.codes.length).toBeGreaterThan(300);
  });

  it('gives root, quad, goldstein, plover and name', () => {
    expect(cameoInfo('042')).toMatchObject({
      code: '042',
      root: '04',
      quad: 1,
      goldstein: 1.9,
      plover: 'CONSULT',
      name: 'Make a visit',
    });
    expect(cameoInfo('0311')).toMatchObject({ root: '03', quad: 1, goldstein: 5.2, plover: 'AGREE' });
    expect(cameoInfo('173')).toMatchObject({ root: '17', quad: 4, goldstein: -5, plover: 'COERCE' });
    expect(cameoInfo('195')).toMatchObject({ root: '19', quad: 4, goldstein: -10, plover: 'ASSAULT' });
    expect(cameoInfo('0841')).toMatchObject({ quad: 2, plover: 'RETREAT' });
    expect(cameoInfo('111').quad).toBe(3);
    expect(cameoInfo('010').plover).toBeNull();
    expect(cameoInfo('020').plover).toBe('REQUEST');
    expect(cameoInfo('100').plover).toBe('REQUEST');
  });

  it('assigns quads by root', () => {
    for (const c of loadCameo().codes) {
      const r = Number(c.root);
      const q = r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
      expect(c.quad, c.code).toBe(q);
      expect(Number.isFinite(c.goldstein), c.code).toBe(true);
    }
  });

  it('fills 4-digit codes missing from the Goldstein lookup from the parent', () => {
    expect(cameoInfo('1213').goldstein).toBe(cameoInfo('121').goldstein);
    expect(cameoInfo('1214').description).toMatch(/inherited from 121/);
  });

  it('throws a clear error for an unknown code', () => {
    expect(() => cameoInfo('999')).toThrow(/unknown CAMEO event code "999"/);
    expect(isCameoCode('999')).toBe(false);
    expect(isCameoCode('043')).toBe(true);
  });

  it('is loaded once', () => {
    expect(loadCameo()).toBe(loadCameo());
  });

  it('reports malformed rows with file and line', () => {
    const bad =
      '# c\ncode\troot\tquad\tgoldstein\tplover\tname_en\tdescription\n042\t04\t7\tx\tCONSULT\tVisit\t\n';
    expect(() => parseCameoTable(bad, 'f.tsv')).toThrow(
      /f\.tsv:3: quad must be 1\.\.4[\s\S]*f\.tsv:3: goldstein/,
    );
  });
});
