import { useSubscription } from 'urql';
import { useLiveQuery } from '#/lib/network';
import { operations } from '#/state/queries/operations';
import type { Athlete, SessionEvent } from '#/state/queries/types';

export const athletesKey = (weekStart: string) => ['athletes', weekStart] as const;

/** Coach only: linked athletes with this week's body map and their live session, if any. */
export function useAthletesQuery(weekStart: string) {
  return useLiveQuery<{ athletes: Athlete[] }>({ query: operations.Athletes.document, variables: { weekStart } });
}

/** Coach only: events of all linked athletes; `reduce` folds them into local state. */
export function useAthleteActivity<T>(reduce: (state: T | undefined, event: SessionEvent) => T) {
  return useSubscription<{ athleteActivity: SessionEvent }, T>({ query: operations.AthleteActivity.document }, (prev, data) =>
    reduce(prev, data.athleteActivity),
  );
}
