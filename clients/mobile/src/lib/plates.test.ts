import { defaultLoadingSetup, describePlates, plateSetOf, platesPerSide } from '#/lib/plates';

const kg = plateSetOf(defaultLoadingSetup('KG'));

describe('plates per side', () => {
  it('loads 102.5 kg on a 20 kg bar as 25 + 15 + 1.25 per side', () => {
    expect(platesPerSide(102.5, 20, kg.plates)).toEqual({ perSide: [25, 15, 1.25], achieved: 102.5, exact: true, belowBar: false });
    expect(describePlates(102.5, kg)).toBe('20 kg bar + 25 + 15 + 1.25 per side');
  });

  it('says when the plates cannot make a load exactly, and gives the nearest lighter one', () => {
    expect(platesPerSide(101, 20, kg.plates)).toMatchObject({ perSide: [25, 15], achieved: 100, exact: false });
    expect(describePlates(101, kg)).toBe('20 kg bar + 25 + 15 per side = 100 kg (101 kg cannot be made exactly)');
  });

  it('uses only the plates there are', () => {
    expect(platesPerSide(60, 20, [10, 5])).toMatchObject({ perSide: [10, 10], exact: true });
    expect(platesPerSide(62.5, 20, [10, 5])).toMatchObject({ perSide: [10, 10], achieved: 60, exact: false });
  });

  it('knows the empty bar and loads below it', () => {
    expect(describePlates(20, kg)).toBe('20 kg bar + no plates');
    expect(platesPerSide(15, 20, kg.plates)).toMatchObject({ belowBar: true, exact: false });
  });
});

describe('the plates of a loading setup', () => {
  it('are the standard plates of its unit down to its smallest, on its bar', () => {
    expect(kg).toEqual({ unit: 'KG', bar: 20, plates: [25, 20, 15, 10, 5, 2.5, 1.25] });
    expect(plateSetOf({ unit: 'KG', barWeight: 15, smallestPlatePerSide: 0.5 })).toEqual({ unit: 'KG', bar: 15, plates: [25, 20, 15, 10, 5, 2.5, 1.25, 0.5] });
    expect(plateSetOf({ unit: 'KG', barWeight: 20, smallestPlatePerSide: 2.5 }).plates).toEqual([25, 20, 15, 10, 5, 2.5]);
    expect(plateSetOf(defaultLoadingSetup('LB'))).toEqual({ unit: 'LB', bar: 45, plates: [45, 35, 25, 10, 5, 2.5] });
  });

  it('adds a smallest plate that is not a standard size', () => {
    expect(plateSetOf({ unit: 'KG', barWeight: 20, smallestPlatePerSide: 0.75 }).plates).toEqual([25, 20, 15, 10, 5, 2.5, 1.25, 0.75]);
  });

  it('describes a load in pounds on a 45 lb bar', () => {
    expect(describePlates(225, plateSetOf(defaultLoadingSetup('LB')))).toBe('45 lb bar + 45 + 45 per side');
    expect(describePlates(137.5, plateSetOf(defaultLoadingSetup('LB')))).toBe('45 lb bar + 45 per side = 135 lb (137.5 lb cannot be made exactly)');
  });
});
