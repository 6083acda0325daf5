/**
 * The plate calculator: which plates go on each side of a bar for a load. Plates are used heaviest
 * first, as a lifter loads a bar; a load that the plates cannot make exactly gets the nearest lighter
 * one and says so (`exact: false`), and a load under the empty bar cannot be made at all.
 */
export interface PlateLoading {
  /** The plates of one side, heaviest first (kg). */
  perSide: number[];
  /** What the bar weighs loaded like that (kg). */
  achievedKg: number;
  /** True when achievedKg is the load asked for. */
  exact: boolean;
  /** The load is below the bar itself. */
  belowBar: boolean;
}

/** A standard metric set: 25 to 1.25 kg, as many pairs as needed. */
export const DEFAULT_PLATES_KG = [25, 20, 15, 10, 5, 2.5, 1.25] as const;
export const DEFAULT_BAR_KG = 20;

/** Grams, so 2.5 and 1.25 add up without floating-point drift. */
const g = (kg: number) => Math.round(kg * 1000);

export function platesPerSide(targetKg: number, barKg: number = DEFAULT_BAR_KG, platesKg: readonly number[] = DEFAULT_PLATES_KG): PlateLoading {
  if (g(targetKg) < g(barKg)) return { perSide: [], achievedKg: barKg, exact: false, belowBar: true };
  let remaining = Math.floor((g(targetKg) - g(barKg)) / 2);
  const perSide: number[] = [];
  for (const plate of [...platesKg].filter((p) => p > 0).sort((a, b) => b - a)) {
    while (remaining >= g(plate)) {
      perSide.push(plate);
      remaining -= g(plate);
    }
  }
  const achievedKg = (g(barKg) + 2 * perSide.reduce((sum, p) => sum + g(p), 0)) / 1000;
  return { perSide, achievedKg, exact: g(achievedKg) === g(targetKg), belowBar: false };
}

/** "20 kg bar + 25 + 15 + 1.25 per side", or why the load cannot be made exactly. */
export function describePlates(targetKg: number, barKg: number = DEFAULT_BAR_KG, platesKg: readonly number[] = DEFAULT_PLATES_KG): string {
  const loading = platesPerSide(targetKg, barKg, platesKg);
  if (loading.belowBar) return `Below the ${barKg} kg bar`;
  const plates = loading.perSide.length ? `${loading.perSide.join(' + ')} per side` : 'no plates';
  const text = `${barKg} kg bar + ${plates}`;
  return loading.exact ? text : `${text} = ${loading.achievedKg} kg (${targetKg} kg cannot be made exactly)`;
}
