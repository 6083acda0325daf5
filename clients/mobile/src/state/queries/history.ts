import { useLiveQuery } from '#/lib/network';
import { operations } from '#/state/queries/operations';
import type { E1rmPoint, ID, PersonalRecord, SessionConnection } from '#/state/queries/types';

export const personalRecordsKey = (athleteId?: ID) => ['personalRecords', athleteId ?? 'me'] as const;
export const e1rmHistoryKey = (exerciseId: ID, athleteId?: ID) => ['e1rmHistory', exerciseId, athleteId ?? 'me'] as const;

export function usePersonalRecordsQuery(athleteId?: ID) {
  return useLiveQuery<{ personalRecords: PersonalRecord[] }>({
    query: operations.PersonalRecords.document,
    variables: athleteId ? { athleteId } : {},
  });
}

export function useE1rmHistoryQuery(exerciseId: ID | null, athleteId?: ID) {
  return useLiveQuery<{ e1rmHistory: E1rmPoint[] }>({
    query: operations.E1rmHistory.document,
    variables: { exerciseId: exerciseId ?? '', ...(athleteId ? { athleteId } : {}) },
    pause: !exerciseId,
  });
}

export function useSessionsQuery(first = 20, athleteId?: ID) {
  return useLiveQuery<{ sessions: SessionConnection }>({
    query: operations.Sessions.document,
    variables: { first, ...(athleteId ? { athleteId } : {}) },
  });
}

/** Epley estimate, for showing what a logged set is worth before the server says. */
export function estimateE1rm(loadKg: number, reps: number): number {
  return reps <= 1 ? loadKg : loadKg * (1 + reps / 30);
}
