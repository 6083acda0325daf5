import { z } from 'zod';
import type { VersionedSpec } from '#/state/persisted/versioned';

/** Device preferences (not per account, never sent to the server). */
export const PREFERENCES_VERSION = 1;
export const PREFERENCES_KEY = 'workouttracker:preferences';

export const preferencesSchema = z.object({
  colorScheme: z.enum(['system', 'light', 'dark']).catch('system').default('system'),
  defaultRestSeconds: z.number().int().min(0).max(900).catch(120).default(120),
  /** Rest after an exercise's sets, per exercise id, when it differs from defaultRestSeconds. */
  restByExercise: z.record(z.string(), z.number().int().min(0).max(900)).catch({}).default({}),
  /** The athlete's bar and plates (kg), for the plate calculator. */
  barKg: z.number().min(0).max(50).catch(20).default(20),
  platesKg: z.array(z.number().positive().max(50)).catch([25, 20, 15, 10, 5, 2.5, 1.25]).default([25, 20, 15, 10, 5, 2.5, 1.25]),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const defaultPreferences = (): Preferences => preferencesSchema.parse({});

export const preferencesSpec: VersionedSpec<Preferences> = {
  version: PREFERENCES_VERSION,
  schema: preferencesSchema,
  defaults: defaultPreferences,
  migrations: {},
};
