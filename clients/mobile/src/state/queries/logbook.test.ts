import type { QueueItem } from '#/offline/queue';
import { weeklyPlan } from '#/test-utils/fixtures';
import { customExerciseId, pendingPlanEdits, pendingSessionExtras, planLane } from '#/state/queries/logbook';

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
});
