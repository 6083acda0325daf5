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
  // The bar and plates are the profile's loading setup (the server's), no longer device preferences: stored barKg/platesKg are dropped on load.
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const defaultPreferences = (): Preferences => preferencesSchema.parse({});

export const preferencesSpec: VersionedSpec<Preferences> = {
  version: PREFERENCES_VERSION,
  schema: preferencesSchema,
  defaults: defaultPreferences,
  migrations: {},
};
