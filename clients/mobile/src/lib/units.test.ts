import { KG_PER_LB, displayToKg, formatLoad, kgToDisplay, roundDisplayLoad } from '#/lib/units';

describe('units', () => {
  it('converts with 1 lb = 0.45359237 kg and round-trips pounds', () => {
    expect(KG_PER_LB).toBe(0.45359237);
    expect(displayToKg(225, 'LB')).toBeCloseTo(102.0583, 4);
    expect(roundDisplayLoad(kgToDisplay(displayToKg(225, 'LB'), 'LB'), 'LB')).toBe(225);
    expect(displayToKg(100, 'KG')).toBe(100);
  });

  it('formats loads in the user units', () => {
    expect(formatLoad(100, 'KG')).toBe('100 kg');
    expect(formatLoad(102.0583, 'LB')).toBe('225 lb');
    expect(formatLoad(null, 'KG')).toBe('—');
  });
});
