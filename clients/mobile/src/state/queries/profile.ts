import { useCallback } from 'react';
import { useMutation } from 'urql';
import { useLiveQuery, useRevalidate } from '#/lib/network';
import { uuid } from '#/lib/uuid';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';
import type { UpdateProfileInput, WeightUnit } from '#/state/queries/generated';

export const profileKey = ['profile'] as const;

export type TrainingProfile = ResultOf<'Profile'>['profile'];
/** The unit the athlete reads loads in; the API's loads are always kilograms. */
export type Units = WeightUnit;

export function useProfileQuery() {
  return useLiveQuery<ResultOf<'Profile'>, VariablesOf<'Profile'>>({ query: operations.Profile.document });
}

/** The user's units (kilograms until the profile says otherwise). */
export function useUnits(): Units {
  const [{ data }] = useProfileQuery();
  return data?.profile.units ?? 'KG';
}

/** Changes the profile (the server regenerates the plan); refetches the profile, and the plan and body map, after. */
export function useUpdateProfile() {
  const [state, execute] = useMutation<ResultOf<'UpdateProfile'>, VariablesOf<'UpdateProfile'>>(operations.UpdateProfile.document);
  const [, refetchProfile] = useProfileQuery();
  const revalidate = useRevalidate();
  const update = useCallback(
    async (changes: Omit<UpdateProfileInput, 'clientMutationId'>) => {
      const result = await execute({ input: { clientMutationId: uuid(), ...changes } });
      refetchProfile({ requestPolicy: 'network-only' });
      // The plan (and the body map's weeks, with a new time zone) are made from the profile: what is on screen revalidates.
      if (!result.error) revalidate();
      return result;
    },
    [execute, refetchProfile, revalidate],
  );
  return [state, update] as const;
}
