import { useLiveQuery } from '#/lib/network';
import type { ID } from '#/lib/graphql/scalars';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';

export const personalRecordsKey = (athleteId?: ID) => ['personalRecords', athleteId ?? 'me'] as const;
export const e1rmHistoryKey = (exerciseId: ID, athleteId?: ID) => ['e1rmHistory', exerciseId, athleteId ?? 'me'] as const;
export const sessionsKey = (athleteId?: ID) => ['sessions', athleteId ?? 'me'] as const;

export type PersonalRecord = ResultOf<'PersonalRecords'>['personalRecords'][number];
export type PersonalRecordKind = PersonalRecord['kind'];
export type E1rmPoint = ResultOf<'E1rmHistory'>['e1rmHistory'][number];
export type SessionSummary = NonNullable<NonNullable<NonNullable<ResultOf<'Sessions'>['sessions']['edges']>[number]>['node']>;

export function usePersonalRecordsQuery(athleteId?: ID) {
  return useLiveQuery<ResultOf<'PersonalRecords'>, VariablesOf<'PersonalRecords'>>({
    query: operations.PersonalRecords.document,
    variables: athleteId ? { athleteId } : {},
  });
}

export function useE1rmHistoryQuery(exerciseId: ID | null, athleteId?: ID) {
  return useLiveQuery<ResultOf<'E1rmHistory'>, VariablesOf<'E1rmHistory'>>({
    query: operations.E1rmHistory.document,
    variables: { exerciseId: exerciseId ?? '', ...(athleteId ? { athleteId } : {}) },
    pause: !exerciseId,
  });
}

/** The newest sessions (newest first). */
export function useSessionsQuery(first = 20, athleteId?: ID) {
  return useLiveQuery<ResultOf<'Sessions'>, VariablesOf<'Sessions'>>({
    query: operations.Sessions.document,
    variables: { first, ...(athleteId ? { athleteId } : {}) },
  });
}

/** The sessions of a Sessions answer, without the connection's nulls. */
export function sessionsOf(data: ResultOf<'Sessions'> | undefined): SessionSummary[] {
  return (data?.sessions.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
}

/** Epley estimate, for showing what a logged set is worth before the server says. */
export function estimateE1rm(loadKg: number, reps: number): number {
  return reps <= 1 ? loadKg : loadKg * (1 + reps / 30);
}
