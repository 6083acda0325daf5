/**
 * The plate calculator: which plates go on each side of a bar for a load. Plates are used heaviest
 * first, as a lifter loads a bar; a load that the plates cannot make exactly gets the nearest lighter
 * one and says so (`exact: false`), and a load under the empty bar cannot be made at all. Loads, bar
 * and plates are in one unit (the loading setup's, kg or lb).
 */
import type { WeightUnit } from '#/state/queries/generated';

export interface PlateLoading {
  /** The plates of one side, heaviest first. */
  perSide: number[];
  /** What the bar weighs loaded like that. */
  achieved: number;
  /** True when `achieved` is the load asked for. */
  exact: boolean;
  /** The load is below the bar itself. */
  belowBar: boolean;
}

/** The athlete's bar and the plates they can put on it, in the setup's unit. */
export interface PlateSet {
  unit: WeightUnit;
  bar: number;
  /** Plate sizes, any order; as many pairs of each as needed. */
  plates: readonly number[];
}

/** The plates a gym has, heaviest first: the usual metric and imperial sizes. */
const STANDARD_PLATES: Record<WeightUnit, readonly number[]> = {
  KG: [25, 20, 15, 10, 5, 2.5, 1.25, 0.5, 0.25],
  LB: [45, 35, 25, 10, 5, 2.5, 1.25],
};

/** What the plate calculator reads of the athlete's loading setup (the profile's `loading`). */
export interface LoadingSetupForPlates {
  unit: WeightUnit;
  barWeight: number;
  smallestPlatePerSide: number;
}

/** The loading setup the server starts every athlete with (LoadingSetup.DefaultKg/DefaultLb). */
export const defaultLoadingSetup = (unit: WeightUnit): LoadingSetupForPlates =>
  unit === 'LB' ? { unit, barWeight: 45, smallestPlatePerSide: 2.5 } : { unit, barWeight: 20, smallestPlatePerSide: 1.25 };

/**
 * The bar and plates of a loading setup: its bar weight, and the standard plates of its unit down to its
 * smallest plate (which is added when it is not a standard size): 1.25 kg gives 25, 20, 15, 10, 5, 2.5, 1.25.
 */
export function plateSetOf(setup: LoadingSetupForPlates): PlateSet {
  const smallest = setup.smallestPlatePerSide;
  const standard = STANDARD_PLATES[setup.unit].filter((p) => p >= smallest);
  const plates = standard.includes(smallest) ? standard : [...standard, smallest];
  return { unit: setup.unit, bar: setup.barWeight, plates };
}

/** Grams (or thousandths of a pound), so 2.5 and 1.25 add up without floating-point drift. */
const g = (w: number) => Math.round(w * 1000);

export function platesPerSide(target: number, bar: number, plates: readonly number[]): PlateLoading {
  if (g(target) < g(bar)) return { perSide: [], achieved: bar, exact: false, belowBar: true };
  let remaining = Math.floor((g(target) - g(bar)) / 2);
  const perSide: number[] = [];
  for (const plate of [...plates].filter((p) => p > 0).sort((a, b) => b - a)) {
    while (remaining >= g(plate)) {
      perSide.push(plate);
      remaining -= g(plate);
    }
  }
  const achieved = (g(bar) + 2 * perSide.reduce((sum, p) => sum + g(p), 0)) / 1000;
  return { perSide, achieved, exact: g(achieved) === g(target), belowBar: false };
}

/** "20 kg bar + 25 + 15 + 1.25 per side", or why the load cannot be made exactly. */
export function describePlates(target: number, set: PlateSet): string {
  const unit = set.unit === 'LB' ? 'lb' : 'kg';
  const loading = platesPerSide(target, set.bar, set.plates);
  if (loading.belowBar) return `Below the ${set.bar} ${unit} bar`;
  const plates = loading.perSide.length ? `${loading.perSide.join(' + ')} per side` : 'no plates';
  const text = `${set.bar} ${unit} bar + ${plates}`;
  return loading.exact ? text : `${text} = ${loading.achieved} ${unit} (${target} ${unit} cannot be made exactly)`;
}
