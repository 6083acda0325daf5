/**
 * The logbook's resources: notes, exercises added to a session, supersets, custom exercises, plan edits
 * and history. Every change goes through the durable offline queue with a clientMutationId made once
 * (as logSet does): session changes wait in the session's lane, plan edits in `plan:<weekStart>`. What
 * is shown lays the changes still queued over the server's answer (`pendingPlanEdits`,
 * `pendingSessionExtras`), and a confirmed change refetches what it changed.
 */
import { useCallback, useEffect } from 'react';
import { useLiveQuery } from '#/lib/network';
import { uuid } from '#/lib/uuid';
import { useOfflineQueue } from '#/offline/OfflineQueueProvider';
import type { QueueItem } from '#/offline/queue';
import type { QueueKind } from '#/offline/schema';
import type { ID } from '#/lib/graphql/scalars';
import type { MovementPattern, MuscleGroup, ExerciseLoading, SetType } from '#/state/queries/generated';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';
import type { WeeklyPlan } from '#/state/queries/weekly-plan';

export type { SetType } from '#/state/queries/generated';
export type FoundExercise = ResultOf<'Exercises'>['exercises'][number];
export type SessionHistoryEntry = NonNullable<NonNullable<ResultOf<'SessionHistory'>['sessions']['edges']>[number]>['node'];

export const SET_TYPE_LABEL: Record<SetType, string> = { WARMUP: 'Warm-up', WORKING: 'Working', DROP: 'Drop', FAILURE: 'Failure' };
export const SET_TYPES: readonly SetType[] = ['WORKING', 'WARMUP', 'DROP', 'FAILURE'];

export const planLane = (weekStart: string) => `plan:${weekStart}`;

export const planEditKinds: readonly QueueKind[] = [
  'swapPlannedExercise',
  'skipPlannedExercise',
  'addPlannedExercise',
  'changePlannedTargets',
  'groupPlannedSuperset',
  'resetWeeklyPlan',
];

export const sessionExtraKinds: readonly QueueKind[] = ['setSessionNote', 'addSessionExercise', 'groupSessionSuperset', 'createExercise'];

/** The custom exercise id a client-made UUID gives (the server's rule: custom- and the UUID without dashes). */
export const customExerciseId = (id: string) => `custom-${id.replace(/-/g, '')}`;

// ---------------------------------------------------------------- optimistic helpers (pure)

/** The week with the plan edits still queued laid over it (swaps and skips show at once). */
export function pendingPlanEdits(plan: WeeklyPlan | undefined, queued: readonly QueueItem[]): WeeklyPlan | undefined {
  if (!plan) return plan;
  const lane = planLane(plan.weekStart);
  let days = plan.days;
  for (const item of queued) {
    if (item.sessionId !== lane) continue;
    const v = item.variables;
    if (item.kind === 'resetWeeklyPlan') continue;
    days = days.map((day) => {
      if (day.dayNumber !== v.dayNumber) return day;
      if (item.kind === 'skipPlannedExercise') return { ...day, exercises: day.exercises.filter((e) => e.exercise.id !== v.exerciseId) };
      if (item.kind === 'changePlannedTargets') {
        return { ...day, exercises: day.exercises.map((e) => (e.exercise.id === v.exerciseId ? withTargets(e, v, item.meta) : e)) };
      }
      if (item.kind === 'swapPlannedExercise') {
        return {
          ...day,
          exercises: day.exercises.map((e) =>
            e.exercise.id === v.exerciseId
              ? {
                  ...e,
                  swappedFrom: e.swappedFrom ?? { id: e.exercise.id, name: e.exercise.name },
                  exercise: { ...e.exercise, id: String(v.withExerciseId), name: String(item.meta.exerciseName ?? v.withExerciseId), isCustom: false },
                }
              : e,
          ),
        };
      }
      return day;
    });
  }
  return { ...plan, days };
}

type PlannedExercise = WeeklyPlan['days'][number]['exercises'][number];

/** A planned exercise with a queued changePlannedTargets laid over it, as the server applies it (every set alike). */
function withTargets(planned: PlannedExercise, v: Record<string, unknown>, meta: Record<string, unknown>): PlannedExercise {
  const first = planned.targetSets[0];
  if (!first) return planned;
  const num = (x: unknown) => (typeof x === 'number' ? x : undefined);
  const repsMin = num(v.repsMin) ?? first.repsMin;
  const repsMax = Math.max(repsMin, num(v.repsMax) ?? (num(v.repsMin) === undefined ? first.repsMax : repsMin));
  const target = { ...first, repsMin, repsMax, loadKg: num(meta.loadKg) ?? first.loadKg, rpe: num(v.rpe) ?? first.rpe };
  const sets = num(v.sets) ?? planned.targetSets.length;
  return { ...planned, targetSets: Array.from({ length: sets }, (_, i) => ({ ...target, setNumber: i + 1 })) };
}

/** What the targets form holds: text as typed (an empty field leaves that target as it is); the load in the athlete's unit. */
export interface TargetsForm {
  sets: string;
  repsMin: string;
  repsMax: string;
  load: string;
  rpe: string;
}

export interface PlannedTargets {
  sets?: number;
  repsMin?: number;
  repsMax?: number;
  /** In the plan's unit (the athlete's), as changePlannedTargets takes it. */
  load?: number;
  rpe?: number;
}

/** The limits changePlannedTargets holds to (the server's PlanEdits rules). */
export const TARGET_LIMITS = { maxSets: 6, maxReps: 100, maxLoad: 3000 } as const;

/**
 * Reads the targets form the way the server will check it, so a mistake is named beside its field before
 * anything is queued: sets 1–6, reps 1–100 with repsMax at least repsMin, a load 0–3000 in the plan's unit
 * with at most 3 decimals, RPE 1–10 in steps of 0.5. Empty fields are left out (unchanged).
 */
export function readTargets(form: TargetsForm): { targets: PlannedTargets; errors: Partial<Record<keyof TargetsForm, string>> } {
  const errors: Partial<Record<keyof TargetsForm, string>> = {};
  const targets: PlannedTargets = {};
  const number = (field: keyof TargetsForm): number | undefined => {
    const text = form[field].trim().replace(',', '.');
    if (text === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value)) {
      errors[field] = 'Enter a number.';
      return undefined;
    }
    return value;
  };
  const whole = (field: 'sets' | 'repsMin' | 'repsMax', min: number, max: number, message: string) => {
    const value = number(field);
    if (value === undefined) return;
    if (!Number.isInteger(value) || value < min || value > max) errors[field] = message;
    else targets[field] = value;
  };
  whole('sets', 1, TARGET_LIMITS.maxSets, `Sets must be a whole number from 1 to ${TARGET_LIMITS.maxSets}.`);
  whole('repsMin', 1, TARGET_LIMITS.maxReps, `Reps must be a whole number from 1 to ${TARGET_LIMITS.maxReps}.`);
  whole('repsMax', 1, TARGET_LIMITS.maxReps, `Reps must be a whole number from 1 to ${TARGET_LIMITS.maxReps}.`);
  if (targets.repsMin !== undefined && targets.repsMax !== undefined && targets.repsMax < targets.repsMin) {
    errors.repsMax = 'The most reps cannot be fewer than the least.';
    delete targets.repsMax;
  }
  const load = number('load');
  if (load !== undefined) {
    if (load < 0 || load > TARGET_LIMITS.maxLoad || Math.round(load * 1000) !== load * 1000) errors.load = `Load must be 0 to ${TARGET_LIMITS.maxLoad}, at most 3 decimals.`;
    else targets.load = load;
  }
  const rpe = number('rpe');
  if (rpe !== undefined) {
    if (rpe < 1 || rpe > 10 || !Number.isInteger(rpe * 2)) errors.rpe = 'RPE must be 1 to 10 in steps of 0.5.';
    else targets.rpe = rpe;
  }
  return { targets, errors };
}

/** An exercise added to a session or grouped into a superset, as shown (queued or confirmed). */
export interface SessionExtra {
  exercise: { id: ID; name: string; loading?: ExerciseLoading | null };
  added: boolean;
  supersetGroup: string | null;
}

/** The session's added exercises and supersets: the server's, with the queued changes laid over them. */
export function pendingSessionExtras(
  server: readonly SessionExtra[],
  queued: readonly QueueItem[],
  sessionId: ID,
): { extras: SessionExtra[]; note: string | null | undefined } {
  const extras = new Map<ID, SessionExtra>(server.map((e) => [e.exercise.id, { ...e }]));
  let note: string | null | undefined;
  for (const item of queued) {
    if (item.sessionId !== sessionId) continue;
    const v = item.variables;
    if (item.kind === 'addSessionExercise') {
      const id = String(v.exerciseId);
      const known = extras.get(id);
      extras.set(id, {
        exercise: known?.exercise ?? { id, name: String(item.meta.exerciseName ?? id), loading: (item.meta.loading as ExerciseLoading | undefined) ?? null },
        added: true,
        supersetGroup: known?.supersetGroup ?? null,
      });
    } else if (item.kind === 'groupSessionSuperset') {
      const ids = (v.exerciseIds as string[]) ?? [];
      const names = (item.meta.exerciseNames as Record<string, string> | undefined) ?? {};
      const taken = new Set([...extras.values()].map((e) => e.supersetGroup).filter(Boolean));
      const group = ids.length > 1 ? (['A', 'B', 'C', 'D', 'E', 'F'].find((g) => !taken.has(g)) ?? 'Z') : null;
      for (const id of ids) {
        const known = extras.get(id);
        extras.set(id, { exercise: known?.exercise ?? { id, name: names[id] ?? id }, added: known?.added ?? false, supersetGroup: group });
      }
    } else if (item.kind === 'setSessionNote') {
      note = (v.note as string | null | undefined) ?? null;
    }
  }
  return { extras: [...extras.values()], note };
}

/** The extras shown last, and the server's answer they were merged with. */
export interface ShownExtras {
  server: readonly SessionExtra[];
  extras: readonly SessionExtra[];
}

/**
 * Keeps an exercise added in this session on screen between the server confirming the addition (its queue
 * item leaves the queue) and the refetch that brings the session with it: without this its card vanished for
 * that moment, and what was chosen on it (a warm-up, a note) was lost when it came back. Added extras shown
 * last are carried while the server's answer is still the one they were shown against; a new answer decides.
 */
export function carryConfirmedExtras(shown: ShownExtras | null, server: readonly SessionExtra[], extras: SessionExtra[]): SessionExtra[] {
  if (!shown || shown.server !== server) return extras;
  const ids = new Set(extras.map((e) => e.exercise.id));
  return [...extras, ...shown.extras.filter((e) => e.added && !ids.has(e.exercise.id))];
}

// ---------------------------------------------------------------- hooks

/** Refetches with `reexecute` whenever a queued change of one of `kinds` in `lane` is confirmed. */
export function useRefetchOnConfirmed(lane: string | null, kinds: readonly QueueKind[], reexecute: () => void) {
  const queue = useOfflineQueue();
  useEffect(
    () =>
      queue.onEvent((event) => {
        if (event.type === 'succeeded' && lane && event.item.sessionId === lane && kinds.includes(event.item.kind)) reexecute();
      }),
    [queue, lane, kinds, reexecute],
  );
}

export function useSessionLogbook(sessionId: ID) {
  const queue = useOfflineQueue();
  const enqueue = useCallback(
    (kind: QueueKind, variables: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
      queue.enqueue({ kind, sessionId, variables: { sessionId, ...variables }, meta }),
    [queue, sessionId],
  );
  return {
    setNote: useCallback((note: string) => enqueue('setSessionNote', { note }), [enqueue]),
    addExercise: useCallback(
      (exercise: { id: ID; name: string; loading?: ExerciseLoading | null }) =>
        enqueue('addSessionExercise', { exerciseId: exercise.id }, { exerciseName: exercise.name, loading: exercise.loading ?? null }),
      [enqueue],
    ),
    groupSuperset: useCallback(
      (exercises: readonly { id: ID; name: string }[]) =>
        enqueue('groupSessionSuperset', { exerciseIds: exercises.map((e) => e.id) }, { exerciseNames: Object.fromEntries(exercises.map((e) => [e.id, e.name])) }),
      [enqueue],
    ),
    /** Makes a custom exercise in this session's lane (so sets logged on it queue behind it) and adds it; returns it at once. */
    createExercise: useCallback(
      (input: { name: string; pattern: MovementPattern; loading: ExerciseLoading; primaryMuscles: MuscleGroup[] }) => {
        const id = uuid();
        queue.enqueue({ kind: 'createExercise', sessionId, variables: { ...input, id }, meta: { exerciseName: input.name } });
        const exercise = { id: customExerciseId(id), name: input.name, loading: input.loading };
        enqueue('addSessionExercise', { exerciseId: exercise.id }, { exerciseName: exercise.name, loading: exercise.loading });
        return exercise;
      },
      [queue, sessionId, enqueue],
    ),
  };
}

export function usePlanEdits(weekStart: string, athleteId?: ID) {
  const queue = useOfflineQueue();
  const enqueue = useCallback(
    (kind: QueueKind, variables: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
      queue.enqueue({ kind, sessionId: planLane(weekStart), variables: { weekStart, ...(athleteId ? { athleteId } : {}), ...variables }, meta }),
    [queue, weekStart, athleteId],
  );
  return {
    swap: useCallback(
      (dayNumber: number, exerciseId: ID, withExercise: { id: ID; name: string }) =>
        enqueue('swapPlannedExercise', { dayNumber, exerciseId, withExerciseId: withExercise.id }, { exerciseName: withExercise.name }),
      [enqueue],
    ),
    skipExercise: useCallback((dayNumber: number, exerciseId: ID) => enqueue('skipPlannedExercise', { dayNumber, exerciseId }), [enqueue]),
    add: useCallback((dayNumber: number, exercise: { id: ID; name: string }) => enqueue('addPlannedExercise', { dayNumber, exerciseId: exercise.id }, { exerciseName: exercise.name }), [enqueue]),
    superset: useCallback((dayNumber: number, exerciseIds: ID[]) => enqueue('groupPlannedSuperset', { dayNumber, exerciseIds }), [enqueue]),
    /** Changes a planned exercise's targets; `loadKg` (the load in kilograms) only shows the change while it waits. */
    changeTargets: useCallback(
      (dayNumber: number, exerciseId: ID, targets: PlannedTargets, loadKg?: number) =>
        enqueue('changePlannedTargets', { dayNumber, exerciseId, ...targets }, loadKg === undefined ? {} : { loadKg }),
      [enqueue],
    ),
    reset: useCallback(() => enqueue('resetWeeklyPlan', {}), [enqueue]),
  };
}

export function useExerciseSearch(search: string, pause = false) {
  return useLiveQuery<ResultOf<'Exercises'>, VariablesOf<'Exercises'>>({
    query: operations.Exercises.document,
    variables: { filter: { search: search.trim() || null, recentFirst: true } },
    pause,
  });
}

export function useExerciseSwaps(exerciseId: ID | null, athleteId?: ID) {
  return useLiveQuery<ResultOf<'ExerciseSwaps'>, VariablesOf<'ExerciseSwaps'>>({
    query: operations.ExerciseSwaps.document,
    variables: { exerciseId: exerciseId ?? '', first: 6, ...(athleteId ? { athleteId } : {}) },
    pause: !exerciseId,
  });
}

export function useSessionHistory(first = 20, athleteId?: ID) {
  return useLiveQuery<ResultOf<'SessionHistory'>, VariablesOf<'SessionHistory'>>({
    query: operations.SessionHistory.document,
    variables: { first, ...(athleteId ? { athleteId } : {}) },
    requestPolicy: 'cache-and-network',
  });
}

export function sessionHistoryOf(data: ResultOf<'SessionHistory'> | undefined): NonNullable<SessionHistoryEntry>[] {
  return (data?.sessions.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
}

/** Every day an exercise was done (newest first): its sets, best set and volume. */
export function useExerciseHistory(exerciseId: ID | null, athleteId?: ID, first = 10) {
  return useLiveQuery<ResultOf<'ExerciseHistory'>, VariablesOf<'ExerciseHistory'>>({
    query: operations.ExerciseHistory.document,
    variables: { exerciseId: exerciseId ?? '', first, ...(athleteId ? { athleteId } : {}) },
    pause: !exerciseId,
  });
}
