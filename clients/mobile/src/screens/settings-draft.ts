import type { Equipment, ExperienceLevel, LoadingSetupInput, TrainingGoal, UpdateProfileInput, WeightUnit } from '#/state/queries/generated';
import type { TrainingProfile } from '#/state/queries/profile';

/** The gym's loading as the settings edit it: text fields, in the athlete's units (the server validates the values). */
export const LOADING_FIELDS = [
  ['barWeight', 'Barbell weight', 'The empty straight bar.'],
  ['ezBarWeight', 'EZ bar weight', 'The empty EZ curl bar.'],
  ['trapBarWeight', 'Trap bar weight', 'The empty trap bar.'],
  ['smallestPlatePerSide', 'Smallest plate pair', 'The lightest plates you have a pair of: bar loads move in twice this.'],
  ['dumbbellStep', 'Dumbbell steps', 'Between fixed dumbbells, per hand; the lightest is one step.'],
  ['stackStep', 'Machine stack steps', 'Between the pins of a weight stack.'],
  ['bodyweightStep', 'Added bodyweight steps', 'Of load added to dips and pull-ups.'],
] as const;

export type LoadingField = (typeof LOADING_FIELDS)[number][0];

export type SettingsDraft = {
  goal: TrainingGoal;
  experience: ExperienceLevel;
  daysPerWeek: number;
  sessionMinutes: number;
  units: WeightUnit;
  equipment: Equipment[];
  timeZone: string;
  loading: Record<LoadingField, string>;
  /** Kettlebell sizes, comma separated, ascending. */
  kettlebellSizes: string;
};

export type FieldError = { field: string; message: string };

export function draftOf(profile: TrainingProfile): SettingsDraft {
  const loading = Object.fromEntries(LOADING_FIELDS.map(([field]) => [field, String(profile.loading[field])])) as Record<LoadingField, string>;
  return {
    goal: profile.goal,
    experience: profile.experience,
    daysPerWeek: profile.daysPerWeek,
    sessionMinutes: profile.sessionMinutes,
    units: profile.units,
    equipment: profile.equipment,
    timeZone: profile.timeZone,
    loading,
    kettlebellSizes: profile.loading.kettlebellSizes.join(', '),
  };
}

/** A number as typed ("2,5" is 2.5), or null when it is not one. */
function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/**
 * The updateProfile input for a draft, or the first field that is not a number (named as the server names its
 * fields, so the same place shows it). Loading is left out when the units change: the new unit starts from its own
 * defaults (the old unit's plates mean nothing in the new one).
 */
export function changesOf(draft: SettingsDraft, saved: TrainingProfile): { changes: Omit<UpdateProfileInput, 'clientMutationId'> } | { error: FieldError } {
  const changes: Omit<UpdateProfileInput, 'clientMutationId'> = {
    goal: draft.goal,
    experience: draft.experience,
    daysPerWeek: draft.daysPerWeek,
    sessionMinutes: draft.sessionMinutes,
    units: draft.units,
    equipment: draft.equipment,
    timeZone: draft.timeZone.trim(),
  };
  if (saved.units !== draft.units) return { changes };
  const loading: LoadingSetupInput = {};
  for (const [field] of LOADING_FIELDS) {
    const value = parseNumber(draft.loading[field]);
    if (value === null) return { error: { field: `loading.${field}`, message: 'must be a number.' } };
    if (value !== saved.loading[field]) loading[field] = value;
  }
  const sizes = draft.kettlebellSizes.split(/[,;\s]+/).filter((s) => s.length > 0).map(parseNumber);
  if (sizes.some((s) => s === null)) return { error: { field: 'loading.kettlebellSizes', message: 'must be numbers separated by commas.' } };
  const kettlebells = sizes as number[];
  if (kettlebells.join(',') !== saved.loading.kettlebellSizes.join(',')) loading.kettlebellSizes = kettlebells;
  return { changes: Object.keys(loading).length > 0 ? { ...changes, loading } : changes };
}

/** The field a GraphQL error names (extensions.field), with its message; the message alone when it names none. */
export function fieldErrorOf(error: { message: string; extensions?: Record<string, unknown> } | undefined): FieldError | null {
  if (!error) return null;
  const field = error.extensions?.field;
  return { field: typeof field === 'string' ? field : '', message: error.message };
}
