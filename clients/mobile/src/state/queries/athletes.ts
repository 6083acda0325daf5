import { useSubscription } from 'urql';
import { useLiveQuery } from '#/lib/network';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';

export const athletesKey = (weekStart: string) => ['athletes', weekStart] as const;

export type Athlete = ResultOf<'Athletes'>['athletes'][number];
export type AthleteEvent = ResultOf<'AthleteActivity'>['athleteActivity'];

/** Coach only: linked athletes with this week's body map, their live session (if any) and recent ones. */
export function useAthletesQuery(weekStart: string) {
  return useLiveQuery<ResultOf<'Athletes'>, VariablesOf<'Athletes'>>({ query: operations.Athletes.document, variables: { weekStart } });
}

/** Coach only: events of all linked athletes; `reduce` folds them into local state. */
export function useAthleteActivity<T>(reduce: (state: T | undefined, event: AthleteEvent) => T) {
  return useSubscription<ResultOf<'AthleteActivity'>, T, VariablesOf<'AthleteActivity'>>(
    { query: operations.AthleteActivity.document },
    (prev, data) => reduce(prev, data.athleteActivity),
  );
}
