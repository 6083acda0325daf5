import { useLiveQuery } from '#/lib/network';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';
import type { ID } from '#/lib/graphql/scalars';

export const weeklyPlanKey = (weekStart: string, athleteId?: ID) => ['weeklyPlan', weekStart, athleteId ?? 'me'] as const;

export type WeeklyPlan = ResultOf<'WeeklyPlan'>['weeklyPlan'];
export type PlanDay = WeeklyPlan['days'][number];
export type PlannedExercise = PlanDay['exercises'][number];
export type TargetSet = PlannedExercise['targetSets'][number];

export function useWeeklyPlanQuery(weekStart: string, athleteId?: ID) {
  return useLiveQuery<ResultOf<'WeeklyPlan'>, VariablesOf<'WeeklyPlan'>>({
    query: operations.WeeklyPlan.document,
    variables: { weekStart, ...(athleteId ? { athleteId } : {}) },
  });
}

export function planDay(plan: WeeklyPlan | undefined, dayNumber: number | null | undefined): PlanDay | undefined {
  return plan?.days.find((d) => d.dayNumber === dayNumber);
}
