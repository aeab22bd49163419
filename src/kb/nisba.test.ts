import { describe, expect, it } from 'vitest';
import { nisbaForms } from './nisba.js';

describe('nisbaForms', () => {
  it('inflects a base in ي, with and without the article', () => {
    const forms = nisbaForms('سوري');
    expect(forms).toEqual([
      'سوري',
      'سورية',
      'سوريون',
      'سوريين',
      'سوريان',
      'سوريتان',
      'سوريتين',
      'سوريات',
      'السوري',
      'السورية',
      'السوريون',
      'السوريين',
      'السوريان',
      'السوريتان',
      'السوريتين',
      'السوريات',
    ]);
  });

  it('inflects every word of a multi-word base in agreement', () => {
    const forms = nisbaForms('كوري جنوبي');
    expect(forms).toContain('كوري جنوبي');
    expect(forms).toContain('كورية جنوبية');
    expect(forms).toContain('الكوريون الجنوبيون');
    expect(forms).toContain('الكوريتان الجنوبيتان');
    expect(forms).not.toContain('كورية جنوبي');
    expect(forms).toHaveLength(16);
  });

  it('leaves non-ي words of a phrase alone', () => {
    const forms = nisbaForms('جنوب سوداني');
    expect(forms).toContain('جنوب سودانية');
    expect(forms).toContain('الجنوب السودانيون');
  });

  it('gives bases without final ي only the article form', () => {
    expect(nisbaForms('روس')).toEqual(['روس', 'الروس']);
  });

  it('returns nothing for an empty base and normalises spaces', () => {
    expect(nisbaForms('  ')).toEqual([]);
    expect(nisbaForms(' روسي ')[0]).toBe('روسي');
  });
});
