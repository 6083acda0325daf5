import type { WeightUnit as Units } from '#/state/queries/generated';

/** The API speaks kilograms; the user sees their units. */
export const KG_PER_LB = 0.45359237;

export function kgToDisplay(kg: number, units: Units): number {
  return units === 'LB' ? kg / KG_PER_LB : kg;
}

export function displayToKg(value: number, units: Units): number {
  // 4 decimals keep 1 lb steps exact enough to come back as the same pounds.
  return units === 'LB' ? Math.round(value * KG_PER_LB * 10_000) / 10_000 : value;
}

/** The load stepper's step: 2.5 kg or 5 lb (smallest pair of plates in most gyms). */
export function loadStep(units: Units): number {
  return units === 'LB' ? 5 : 2.5;
}

/** Rounds a displayed load to the nearest step-friendly value (0.5 kg, 1 lb). */
export function roundDisplayLoad(value: number, units: Units): number {
  const unit = units === 'LB' ? 1 : 0.5;
  return Math.round(value / unit) * unit;
}

export function formatLoad(kg: number | null | undefined, units: Units): string {
  if (kg === null || kg === undefined) return '—';
  const v = kgToDisplay(kg, units);
  const rounded = Math.round(v * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} ${units === 'LB' ? 'lb' : 'kg'}`;
}

export function unitLabel(units: Units): string {
  return units === 'LB' ? 'lb' : 'kg';
}
