/**
 * Test data in the contract's shapes (typed by the generated operation types), for the Jest component
 * tests and their in-memory server (demo-server.ts). Never bundled into the app.
 */
import type { Athlete } from '#/state/queries/athletes';
import type { CoachReply } from '#/state/queries/coach';
import type { CopilotSuggestion } from '#/state/queries/copilot';
import type { PlanProposal } from '#/state/queries/proposals';
import type { BodyMap } from '#/state/queries/body-map';
import type { E1rmPoint, PersonalRecord } from '#/state/queries/history';
import type { User } from '#/state/queries/me';
import type { TrainingProfile } from '#/state/queries/profile';
import type { PlannedExercise, WeeklyPlan } from '#/state/queries/weekly-plan';
import type { WorkoutSession } from '#/state/queries/workout-session';

export const demoWeekStart = '2026-11-23';

export const athleteUser: User = { id: 'a7b1e7a0-0000-4000-8000-000000000001', displayName: 'Alex Athlete', role: 'ATHLETE' };
export const coachUser: User = { id: 'c0ac4000-0000-4000-8000-000000000002', displayName: 'Casey Coach', role: 'COACH' };

export const profile: TrainingProfile = {
  goal: 'STRENGTH',
  daysPerWeek: 3,
  experience: 'INTERMEDIATE',
  equipment: ['BARBELL', 'BENCH', 'SQUAT_RACK', 'DUMBBELL'],
  sessionMinutes: 60,
  units: 'KG',
  timeZone: 'Europe/Berlin',
  loading: {
    unit: 'KG',
    barWeight: 20,
    ezBarWeight: 10,
    trapBarWeight: 25,
    smallestPlatePerSide: 1.25,
    dumbbellStep: 2,
    kettlebellSizes: [4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48],
    stackStep: 5,
    bodyweightStep: 2.5,
  },
  planVersion: 1,
  updatedAt: '2026-11-20T08:00:00Z',
};

type PlanExercise = PlannedExercise['exercise'];
const exercise = (id: string, name: string, primaryMuscles: PlanExercise['primaryMuscles'], secondaryMuscles: PlanExercise['secondaryMuscles']): PlanExercise => ({
  id,
  name,
  primaryMuscles,
  secondaryMuscles,
  equipment: ['BARBELL'],
  loading: 'BARBELL',
  isCustom: false,
});
const squat = exercise('barbell-back-squat', 'Back Squat', ['QUADS', 'GLUTES'], ['ADDUCTORS', 'LOWER_BACK']);
const bench = exercise('barbell-bench-press', 'Bench Press', ['CHEST'], ['FRONT_DELTS', 'TRICEPS']);
const row = exercise('barbell-row', 'Barbell Row', ['UPPER_BACK', 'LATS'], ['BICEPS', 'REAR_DELTS']);
const deadlift = exercise('conventional-deadlift', 'Deadlift', ['HAMSTRINGS', 'GLUTES', 'LOWER_BACK'], ['TRAPS', 'FOREARMS']);

const planned = (e: PlanExercise, sets: number, repsMin: number, repsMax: number, loadKg: number, rpe: number): PlannedExercise => ({
  role: 'MAIN',
  measure: 'REPS',
  supersetGroup: null,
  added: false,
  swappedFrom: null,
  exercise: e,
  scheme: { kind: 'DOUBLE_PROGRESSION', summary: `${sets} × ${repsMin}–${repsMax}`, targetRpe: rpe },
  targetSets: Array.from({ length: sets }, (_, i) => ({ setNumber: i + 1, repsMin, repsMax, load: loadKg, loadKg, rpe })),
});

export const weeklyPlan: WeeklyPlan = {
  athleteId: athleteUser.id,
  weekStart: demoWeekStart,
  isoWeek: 48,
  planVersion: 1,
  split: 'FULL_BODY',
  unit: 'KG',
  isDeloadWeek: false,
  editsVersion: 0,
  isEdited: false,
  untrainedMuscles: [],
  days: [
    { dayNumber: 1, name: 'Day A', focus: 'FULL_BODY', estimatedMinutes: 55, exercises: [planned(squat, 3, 5, 5, 100, 8), planned(bench, 3, 5, 8, 70, 8)] },
    { dayNumber: 2, name: 'Day B', focus: 'FULL_BODY', estimatedMinutes: 50, exercises: [planned(deadlift, 2, 5, 5, 130, 8), planned(row, 3, 8, 10, 60, 8)] },
  ],
};

export const session: WorkoutSession = {
  id: '5e551000-0000-4000-8000-000000000001',
  athleteId: athleteUser.id,
  startedAt: '2026-11-24T09:50:00Z',
  finishedAt: null,
  planDayNumber: 1,
  version: 1,
  note: null,
  exercises: [],
  sets: [
    {
      id: '5e7a0000-0000-4000-8000-000000000001',
      sessionId: '5e551000-0000-4000-8000-000000000001',
      exercise: { id: squat.id, name: squat.name },
      order: 1,
      loadKg: 100,
      reps: 5,
      rpe: 7.5,
      restSeconds: 180,
      performedAt: '2026-11-24T10:00:00Z',
      isWarmup: false,
      setType: 'WORKING',
      note: null,
    },
  ],
};

export const bodyMap: BodyMap = {
  athleteId: athleteUser.id,
  weekStart: demoWeekStart,
  version: 3,
  muscles: [
    { muscle: 'QUADS', hardSets: 6, totalReps: 30, volumeLoadKg: 3000 },
    { muscle: 'GLUTES', hardSets: 6, totalReps: 30, volumeLoadKg: 3000 },
    { muscle: 'ADDUCTORS', hardSets: 3, totalReps: 15, volumeLoadKg: 1500 },
    { muscle: 'LOWER_BACK', hardSets: 3, totalReps: 15, volumeLoadKg: 1500 },
    { muscle: 'CHEST', hardSets: 0, totalReps: 0, volumeLoadKg: 0 },
  ],
};

export const personalRecords: PersonalRecord[] = [
  { exercise: { id: squat.id, name: squat.name }, kind: 'BEST_E1RM', loadKg: 110, reps: 5, e1rmKg: 128.3, achievedAt: '2026-11-20T10:00:00Z', setId: 's-1' },
  { exercise: { id: squat.id, name: squat.name }, kind: 'HEAVIEST_LOAD', loadKg: 120, reps: 1, e1rmKg: 120, achievedAt: '2026-11-13T10:00:00Z', setId: 's-2' },
  { exercise: { id: bench.id, name: bench.name }, kind: 'BEST_E1RM', loadKg: 80, reps: 6, e1rmKg: 96, achievedAt: '2026-11-18T10:00:00Z', setId: 's-3' },
];

export const e1rmHistory: E1rmPoint[] = [
  { date: '2026-10-02', e1rmKg: 112, loadKg: 95, reps: 5 },
  { date: '2026-10-16', e1rmKg: 116.5, loadKg: 100, reps: 5 },
  { date: '2026-11-20', e1rmKg: 128.3, loadKg: 110, reps: 5 },
];

export const athletes: Athlete[] = [
  {
    id: athleteUser.id,
    user: { id: athleteUser.id, displayName: athleteUser.displayName },
    bodyMap,
    activeSession: { id: session.id, planDayNumber: 1, startedAt: session.startedAt },
    recentSessions: [{ id: session.id, startedAt: session.startedAt, finishedAt: null }],
  },
];

/** Every exercise the plan knows, by id (the in-memory server names logged sets with it). */
export const exercisesById = new Map(weeklyPlan.days.flatMap((d) => d.exercises.map((e) => [e.exercise.id, e.exercise] as const)));

const target = (sets: number, reps: number, load: number) => ({ exerciseId: 'barbell-bench-press', sets, repsMin: reps, repsMax: reps, load, unit: 'KG' as const, rpe: null });

/** The offline coach's deload of a stalled bench press, on the three days it is planned. */
export const proposal: PlanProposal = {
  id: '0193a000-0000-7000-8000-000000000001',
  athleteId: athleteUser.id,
  weekStart: '2026-11-30',
  author: 'OFFLINE_RULES',
  authorUserId: athleteUser.id,
  summary: 'Week of 2026-11-30: deload Barbell Bench Press',
  status: 'OPEN',
  stale: false,
  createdAt: '2026-11-25T10:00:00Z',
  decidedBy: null,
  decidedAt: null,
  acceptedItems: null,
  items: [1, 2, 3].map((day, index) => ({
    index,
    kind: 'CHANGE_TARGETS' as const,
    dayNumber: day,
    exercise: { id: 'barbell-bench-press', name: 'Barbell Bench Press' },
    withExercise: null,
    before: target(3, 5, 60),
    after: target(4, 6, 52.5),
    why: 'Barbell Bench Press stalled: 3 failed session(s) in a row.',
    citations: [{ kind: 'PROGRESS' as const, ref: 'barbell-bench-press:consecutiveFailures', value: 3 }],
  })),
};

export const coachReply = (question: string): CoachReply => ({
  answer: `Quads got 6 hard sets this week; aim for 10. (${question})`,
  source: 'OFFLINE',
  citations: [{ kind: 'BODY_MAP', ref: `${demoWeekStart}:QUADS:hardSets`, value: 6 }],
  proposal: /change/i.test(question) ? proposal : null,
});

export const copilot: CopilotSuggestion = {
  sessionId: session.id,
  sessionVersion: session.version,
  restSeconds: 180,
  rationale: 'Your first set was RPE 7.5 at 100 kg: add 2.5 kg and stay at RPE 8.',
  nextSet: { exerciseId: 'barbell-back-squat', setNumber: 2, loadKg: 102.5, reps: 5, rpe: 8, exercise: { id: 'barbell-back-squat', name: 'Back Squat', equipment: ['BARBELL', 'SQUAT_RACK'] } },
  swap: null,
};

/** What the Copilot says when the squat rack is taken: the goblet squat instead. */
export const copilotSwap: CopilotSuggestion = {
  ...copilot,
  rationale: 'The squat rack is taken: do Dumbbell Goblet Squat instead of Back Squat.',
  nextSet: { exerciseId: 'dumbbell-goblet-squat', setNumber: 1, loadKg: 30, reps: 10, rpe: 8, exercise: { id: 'dumbbell-goblet-squat', name: 'Dumbbell Goblet Squat', equipment: ['DUMBBELL'] } },
  swap: { exerciseId: 'dumbbell-goblet-squat', name: 'Dumbbell Goblet Squat', replacesExerciseId: 'barbell-back-squat' },
};
