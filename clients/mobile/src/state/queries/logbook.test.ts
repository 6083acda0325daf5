import type { QueueItem } from '#/offline/queue';
import { weeklyPlan } from '#/test-utils/fixtures';
import { carryConfirmedExtras, customExerciseId, pendingPlanEdits, pendingSessionExtras, planLane, readTargets } from '#/state/queries/logbook';

const item = (kind: QueueItem['kind'], sessionId: string, variables: Record<string, unknown>, meta: Record<string, unknown> = {}): QueueItem => ({
  clientMutationId: `${kind}-${Math.random()}`,
  kind,
  sessionId,
  variables,
  meta,
  createdAt: '2026-11-24T10:00:00Z',
  attempts: 0,
  lastError: null,
});

describe('plan edits waiting to sync', () => {
  it('show a swap and a skip at once, and leave other weeks alone', () => {
    const lane = planLane(weeklyPlan.weekStart);
    const shown = pendingPlanEdits(weeklyPlan, [
      item('swapPlannedExercise', lane, { dayNumber: 1, exerciseId: 'barbell-bench-press', withExerciseId: 'dumbbell-bench-press' }, { exerciseName: 'Dumbbell Bench Press' }),
      item('skipPlannedExercise', lane, { dayNumber: 2, exerciseId: 'barbell-row' }),
      item('skipPlannedExercise', planLane('2030-01-07'), { dayNumber: 1, exerciseId: 'barbell-back-squat' }),
    ])!;
    const day1 = shown.days[0]!.exercises;
    expect(day1.map((e) => e.exercise.id)).toEqual(['barbell-back-squat', 'dumbbell-bench-press']);
    expect(day1[1]!.exercise.name).toBe('Dumbbell Bench Press');
    expect(day1[1]!.swappedFrom).toEqual({ id: 'barbell-bench-press', name: 'Bench Press' });
    expect(shown.days[1]!.exercises.map((e) => e.exercise.id)).toEqual(['conventional-deadlift']);
  });
});

describe('session extras waiting to sync', () => {
  it('lay added exercises, a superset and the note over the server answer', () => {
    const { extras, note } = pendingSessionExtras(
      [{ exercise: { id: 'plank', name: 'Plank' }, added: true, supersetGroup: null }],
      [
        item('addSessionExercise', 's1', { exerciseId: customExerciseId('0b0e-11'), sessionId: 's1' }, { exerciseName: 'Landmine Press', loading: 'BARBELL' }),
        item('groupSessionSuperset', 's1', { exerciseIds: ['barbell-bench-press', 'plank'] }, { exerciseNames: { 'barbell-bench-press': 'Bench Press', plank: 'Plank' } }),
        item('setSessionNote', 's1', { note: 'Packed gym' }),
        item('setSessionNote', 'other', { note: 'not this one' }),
      ],
      's1',
    );
    expect(extras.map((e) => [e.exercise.id, e.added, e.supersetGroup])).toEqual([
      ['plank', true, 'A'],
      ['custom-0b0e11', true, null],
      ['barbell-bench-press', false, 'A'],
    ]);
    expect(note).toBe('Packed gym');
  });

  it('keep an added exercise whose addition was confirmed until the next server answer shows it', () => {
    const server = [{ exercise: { id: 'plank', name: 'Plank' }, added: true, supersetGroup: null }];
    const added = item('addSessionExercise', 's1', { exerciseId: 'pull-up' }, { exerciseName: 'Pull-up' });
    const whilePending = pendingSessionExtras(server, [added], 's1').extras;

    // Confirmed: the item left the queue, the refetch has not answered yet.
    const confirmed = carryConfirmedExtras({ server, extras: whilePending }, server, pendingSessionExtras(server, [], 's1').extras);
    // The refetch answered without it (the server decides), and with it.
    const refetchedWithout = [...server];
    const without = carryConfirmedExtras({ server, extras: confirmed }, refetchedWithout, pendingSessionExtras(refetchedWithout, [], 's1').extras);
    const refetchedWith = [...server, { exercise: { id: 'pull-up', name: 'Pull-up' }, added: true, supersetGroup: null }];
    const withIt = carryConfirmedExtras({ server, extras: confirmed }, refetchedWith, pendingSessionExtras(refetchedWith, [], 's1').extras);

    expect(confirmed.map((e) => e.exercise.id)).toEqual(['plank', 'pull-up']);
    expect(without.map((e) => e.exercise.id)).toEqual(['plank']);
    expect(withIt.map((e) => e.exercise.id)).toEqual(['plank', 'pull-up']);
  });
});

describe('plan targets', () => {
  it('a queued change of sets, reps, load and RPE shows on every set at once, as the server applies it', () => {
    const lane = planLane(weeklyPlan.weekStart);
    const shown = pendingPlanEdits(weeklyPlan, [
      item('changePlannedTargets', lane, { dayNumber: 1, exerciseId: 'barbell-back-squat', sets: 4, repsMin: 6, repsMax: 8, load: 225, rpe: 8.5 }, { loadKg: 102.0582 }),
    ])!;
    const squat = shown.days[0]!.exercises.find((e) => e.exercise.id === 'barbell-back-squat')!;
    expect(squat.targetSets.map((t) => [t.setNumber, t.repsMin, t.repsMax, t.loadKg, t.rpe])).toEqual([
      [1, 6, 8, 102.0582, 8.5],
      [2, 6, 8, 102.0582, 8.5],
      [3, 6, 8, 102.0582, 8.5],
      [4, 6, 8, 102.0582, 8.5],
    ]);
  });

  it('reads the form as the server checks it and leaves empty fields out', () => {
    expect(readTargets({ sets: '4', repsMin: '6', repsMax: '8', load: '102,5', rpe: '' })).toEqual({ targets: { sets: 4, repsMin: 6, repsMax: 8, load: 102.5 }, errors: {} });
    expect(readTargets({ sets: '7', repsMin: '0', repsMax: 'x', load: '-5', rpe: '8.3' }).errors).toEqual({
      sets: 'Sets must be a whole number from 1 to 6.',
      repsMin: 'Reps must be a whole number from 1 to 100.',
      repsMax: 'Enter a number.',
      load: 'Load must be 0 to 3000, at most 3 decimals.',
      rpe: 'RPE must be 1 to 10 in steps of 0.5.',
    });
    expect(readTargets({ sets: '', repsMin: '10', repsMax: '8', load: '1.0005', rpe: '10' })).toEqual({
      targets: { repsMin: 10, rpe: 10 },
      errors: { repsMax: 'The most reps cannot be fewer than the least.', load: 'Load must be 0 to 3000, at most 3 decimals.' },
    });
  });
});
