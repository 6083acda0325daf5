import { describePlates, platesPerSide } from '#/lib/plates';

describe('plates per side', () => {
  it('loads 102.5 kg on a 20 kg bar as 25 + 15 + 1.25 per side', () => {
    expect(platesPerSide(102.5, 20)).toEqual({ perSide: [25, 15, 1.25], achievedKg: 102.5, exact: true, belowBar: false });
    expect(describePlates(102.5, 20)).toBe('20 kg bar + 25 + 15 + 1.25 per side');
  });

  it('says when the plates cannot make a load exactly, and gives the nearest lighter one', () => {
    expect(platesPerSide(101, 20)).toMatchObject({ perSide: [25, 15], achievedKg: 100, exact: false });
    expect(describePlates(101, 20)).toBe('20 kg bar + 25 + 15 per side = 100 kg (101 kg cannot be made exactly)');
  });

  it('uses only the plates there are', () => {
    expect(platesPerSide(60, 20, [10, 5])).toMatchObject({ perSide: [10, 10], exact: true });
    expect(platesPerSide(62.5, 20, [10, 5])).toMatchObject({ perSide: [10, 10], achievedKg: 60, exact: false });
  });

  it('knows the empty bar and loads below it', () => {
    expect(describePlates(20, 20)).toBe('20 kg bar + no plates');
    expect(platesPerSide(15, 20)).toMatchObject({ belowBar: true, exact: false });
  });
});
