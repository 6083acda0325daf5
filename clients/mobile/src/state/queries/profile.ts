import { useLiveQuery } from '#/lib/network';
import { operations } from '#/state/queries/operations';
import type { TrainingProfile, Units } from '#/state/queries/types';

export const profileKey = ['profile'] as const;

export function useProfileQuery() {
  return useLiveQuery<{ profile: TrainingProfile }>({ query: operations.Profile.document });
}

/** The user's units (kilograms until the profile says otherwise). */
export function useUnits(): Units {
  const [{ data }] = useProfileQuery();
  return data?.profile.units ?? 'KG';
}
