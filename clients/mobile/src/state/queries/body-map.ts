import { useLiveQuery } from '#/lib/network';
import { operations } from '#/state/queries/operations';
import type { BodyMap, ID, MuscleGroup, MuscleVolume, SessionEvent } from '#/state/queries/types';

export const bodyMapKey = (weekStart: string, athleteId?: ID) => ['bodyMap', weekStart, athleteId ?? 'me'] as const;

export function useBodyMapQuery(weekStart: string, athleteId?: ID) {
  return useLiveQuery<{ bodyMap: BodyMap }>({
    query: operations.BodyMap.document,
    variables: { weekStart, ...(athleteId ? { athleteId } : {}) },
  });
}

/** Hard sets per muscle (0 for muscles not trained). */
export function hardSetsByMuscle(muscles: readonly MuscleVolume[] | undefined): Partial<Record<MuscleGroup, number>> {
  const out: Partial<Record<MuscleGroup, number>> = {};
  for (const m of muscles ?? []) out[m.muscle] = m.hardSets;
  return out;
}

/** A live event carries the new body map; a newer version replaces the one shown. */
export function applyBodyMapEvent(current: BodyMap | undefined, event: SessionEvent): BodyMap | undefined {
  if (!event.bodyMap) return current;
  if (current && event.bodyMap.version <= current.version) return current;
  return { weekStart: current?.weekStart ?? '', ...event.bodyMap };
}
