import { useLiveQuery } from '#/lib/network';
import { operations } from '#/state/queries/operations';
import type { ID, PlanDay, WeeklyPlan } from '#/state/queries/types';

export const weeklyPlanKey = (weekStart: string, athleteId?: ID) => ['weeklyPlan', weekStart, athleteId ?? 'me'] as const;

export function useWeeklyPlanQuery(weekStart: string, athleteId?: ID) {
  return useLiveQuery<{ weeklyPlan: WeeklyPlan }>({
    query: operations.WeeklyPlan.document,
    variables: { weekStart, ...(athleteId ? { athleteId } : {}) },
  });
}

export function planDay(plan: WeeklyPlan | undefined, dayNumber: number | null | undefined): PlanDay | undefined {
  return plan?.days.find((d) => d.dayNumber === dayNumber);
}
