import { useLiveQuery } from '#/lib/network';
import type { ID } from '#/lib/graphql/scalars';
import type { MuscleGroup } from '#/state/queries/generated';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';

export type { MuscleGroup } from '#/state/queries/generated';

export const bodyMapKey = (weekStart: string, athleteId?: ID) => ['bodyMap', weekStart, athleteId ?? 'me'] as const;

export type BodyMap = ResultOf<'BodyMap'>['bodyMap'];
export type MuscleVolume = BodyMap['muscles'][number];

export function useBodyMapQuery(weekStart: string, athleteId?: ID) {
  return useLiveQuery<ResultOf<'BodyMap'>, VariablesOf<'BodyMap'>>({
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

/** The muscles the week trained (the server lists every muscle, untrained ones at zero), most worked first. */
export function trainedMuscles(muscles: readonly MuscleVolume[] | undefined): MuscleVolume[] {
  return (muscles ?? []).filter((m) => m.hardSets > 0 || m.totalReps > 0).sort((a, b) => b.hardSets - a.hardSets || b.totalReps - a.totalReps);
}

/** A live event's body map replaces the one shown when it is newer (same athlete and week). */
export function applyBodyMapEvent(current: BodyMap | undefined, event: { bodyMap?: BodyMap | null }): BodyMap | undefined {
  const next = event.bodyMap;
  if (!next) return current;
  if (current && (next.weekStart !== current.weekStart || next.athleteId !== current.athleteId)) return current;
  if (current && next.version <= current.version) return current;
  return next;
}
