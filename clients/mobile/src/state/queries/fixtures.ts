/**
 * Placeholder data in the shapes of the draft contract: used by tests and by the demo transport
 * (EXPO_PUBLIC_DEMO=1) until the server answers these operations.
 */
import type { Athlete, BodyMap, Exercise, CoachReply, CopilotSuggestion, E1rmPoint, PersonalRecord, TrainingProfile, User, WeeklyPlan, WorkoutSession } from '#/state/queries/types';

export const demoWeekStart = '2026-11-23';

export const athleteUser: User = { id: 'athlete-1', displayName: 'Alex Athlete', role: 'ATHLETE' };
export const coachUser: User = { id: 'coach-1', displayName: 'Casey Coach', role: 'COACH' };

export const profile: TrainingProfile = {
  goal: 'STRENGTH',
  daysPerWeek: 3,
  experience: 'INTERMEDIATE',
  equipment: ['BARBELL', 'BENCH', 'SQUAT_RACK', 'DUMBBELL'],
  sessionMinutes: 60,
  units: 'KG',
  planVersion: 1,
};

const squat: Exercise = { id: 'barbell-back-squat', name: 'Back Squat', primaryMuscles: ['QUADS', 'GLUTES'], secondaryMuscles: ['ADDUCTORS', 'LOWER_BACK'], equipment: ['BARBELL', 'SQUAT_RACK'] };
const bench: Exercise = { id: 'barbell-bench-press', name: 'Bench Press', primaryMuscles: ['CHEST'], secondaryMuscles: ['FRONT_DELTS', 'TRICEPS'], equipment: ['BARBELL', 'BENCH'] };
const row: Exercise = { id: 'barbell-row', name: 'Barbell Row', primaryMuscles: ['UPPER_BACK', 'LATS'], secondaryMuscles: ['BICEPS', 'REAR_DELTS'], equipment: ['BARBELL'] };
const deadlift: Exercise = { id: 'deadlift', name: 'Deadlift', primaryMuscles: ['HAMSTRINGS', 'GLUTES', 'LOWER_BACK'], secondaryMuscles: ['TRAPS', 'FOREARMS'], equipment: ['BARBELL'] };
const ohp: Exercise = { id: 'overhead-press', name: 'Overhead Press', primaryMuscles: ['FRONT_DELTS'], secondaryMuscles: ['SIDE_DELTS', 'TRICEPS'], equipment: ['BARBELL'] };

const targets = (n: number, repsMin: number, repsMax: number, loadKg: number, rpe: number) =>
  Array.from({ length: n }, (_, i) => ({ setNumber: i + 1, repsMin, repsMax, loadKg, rpe }));

const mutable = <T,>(x: T) => JSON.parse(JSON.stringify(x)) as T;

export const weeklyPlan: WeeklyPlan = mutable({
  weekStart: demoWeekStart,
  planVersion: 1,
  split: 'FULL_BODY',
  days: [
    { dayNumber: 1, name: 'Day A', exercises: [
      { exercise: squat, scheme: '3 × 5 @ RPE 8', targetSets: targets(3, 5, 5, 100, 8) },
      { exercise: bench, scheme: '3 × 5–8', targetSets: targets(3, 5, 8, 70, 8) },
    ] },
    { dayNumber: 2, name: 'Day B', exercises: [
      { exercise: deadlift, scheme: '2 × 5', targetSets: targets(2, 5, 5, 130, 8) },
      { exercise: ohp, scheme: '3 × 6–8', targetSets: targets(3, 6, 8, 45, 8) },
    ] },
    { dayNumber: 3, name: 'Day C', exercises: [
      { exercise: squat, scheme: '3 × 8', targetSets: targets(3, 8, 8, 85, 7) },
      { exercise: row, scheme: '3 × 8–10', targetSets: targets(3, 8, 10, 60, 8) },
    ] },
  ],
});

export const session: WorkoutSession = {
  id: 'session-1',
  startedAt: '2026-11-24T09:50:00Z',
  finishedAt: null,
  planDayNumber: 1,
  sets: [
    { id: 'set-1', exercise: { id: squat.id, name: squat.name }, order: 1, loadKg: 100, reps: 5, rpe: 7.5, restSeconds: 180, performedAt: '2026-11-24T10:00:00Z', isWarmup: false },
  ],
};

export const bodyMap: BodyMap = {
  weekStart: demoWeekStart,
  version: 3,
  muscles: [
    { muscle: 'QUADS', hardSets: 6, totalReps: 30, volumeLoadKg: 3000 },
    { muscle: 'GLUTES', hardSets: 6, totalReps: 30, volumeLoadKg: 3000 },
    { muscle: 'ADDUCTORS', hardSets: 3, totalReps: 15, volumeLoadKg: 1500 },
    { muscle: 'LOWER_BACK', hardSets: 3, totalReps: 15, volumeLoadKg: 1500 },
    { muscle: 'CHEST', hardSets: 9, totalReps: 60, volumeLoadKg: 4200 },
    { muscle: 'TRICEPS', hardSets: 4.5, totalReps: 30, volumeLoadKg: 2100 },
    { muscle: 'FRONT_DELTS', hardSets: 4.5, totalReps: 30, volumeLoadKg: 2100 },
    { muscle: 'UPPER_BACK', hardSets: 12, totalReps: 90, volumeLoadKg: 5400 },
    { muscle: 'LATS', hardSets: 16, totalReps: 120, volumeLoadKg: 6000 },
  ],
};

export const personalRecords: PersonalRecord[] = [
  { exercise: { id: squat.id, name: squat.name }, kind: 'BEST_E1RM', loadKg: 110, reps: 5, e1rmKg: 128.3, achievedAt: '2026-11-20T10:00:00Z' },
  { exercise: { id: squat.id, name: squat.name }, kind: 'HEAVIEST_LOAD', loadKg: 120, reps: 1, e1rmKg: 120, achievedAt: '2026-11-13T10:00:00Z' },
  { exercise: { id: bench.id, name: bench.name }, kind: 'BEST_E1RM', loadKg: 80, reps: 6, e1rmKg: 96, achievedAt: '2026-11-18T10:00:00Z' },
];

export const e1rmHistory: E1rmPoint[] = [
  { date: '2026-10-02', e1rmKg: 112 },
  { date: '2026-10-16', e1rmKg: 116.5 },
  { date: '2026-10-30', e1rmKg: 119 },
  { date: '2026-11-06', e1rmKg: 123.3 },
  { date: '2026-11-20', e1rmKg: 128.3 },
];

export const copilot: CopilotSuggestion = {
  nextSet: { exerciseId: squat.id, loadKg: 102.5, reps: 5, rpe: 8 },
  restSeconds: 180,
  swap: null,
  rationale: 'Your first set was RPE 7.5 at 100 kg: add 2.5 kg and stay at RPE 8.',
};

export const coachReply = (question: string): CoachReply => ({
  answer: `You trained quads and glutes 6 hard sets this week; aim for 10–12. (${question})`,
  citations: [
    { kind: 'BODY_MAP', ref: `bodyMap:${demoWeekStart}`, value: 'QUADS 6 hard sets' },
    { kind: 'PLAN', ref: 'weeklyPlan:day-3', value: 'Day C: Back Squat 3 × 8' },
  ],
  toolCalls: [],
});

export const athletes: Athlete[] = [
  { user: { id: athleteUser.id, displayName: athleteUser.displayName }, bodyMap, activeSession: { id: session.id } },
  { user: { id: 'athlete-2', displayName: 'Blair Lifter' }, bodyMap: { ...bodyMap, muscles: bodyMap.muscles.slice(0, 3) }, activeSession: null },
];
