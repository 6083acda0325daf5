/**
 * TypeScript shapes of the draft API contract (hand-written until graphql-codegen generates them
 * from schema/schema.graphql). Loads are always kilograms on the wire.
 */
export type ID = string;
/** "YYYY-MM-DD" */
export type DateString = string;
/** ISO-8601 UTC */
export type DateTimeString = string;

export type Role = 'ATHLETE' | 'COACH';
export type Units = 'KG' | 'LB';
export type Goal = 'STRENGTH' | 'HYPERTROPHY' | 'GENERAL_FITNESS';

export const MUSCLE_GROUPS = [
  'CHEST', 'FRONT_DELTS', 'SIDE_DELTS', 'REAR_DELTS', 'BICEPS', 'TRICEPS', 'FOREARMS', 'LATS', 'UPPER_BACK',
  'TRAPS', 'LOWER_BACK', 'ABS', 'OBLIQUES', 'GLUTES', 'QUADS', 'HAMSTRINGS', 'ADDUCTORS', 'CALVES',
] as const;
export type MuscleGroup = (typeof MUSCLE_GROUPS)[number];

export interface User { id: ID; displayName: string; role: Role }

export interface TrainingProfile {
  goal: Goal;
  daysPerWeek: number;
  experience: string;
  equipment: string[];
  sessionMinutes: number;
  units: Units;
  planVersion: number;
}

export interface Exercise {
  id: ID;
  name: string;
  primaryMuscles?: MuscleGroup[];
  secondaryMuscles?: MuscleGroup[];
  equipment?: string[];
}

export interface TargetSet { setNumber: number; repsMin: number; repsMax: number; loadKg: number | null; rpe: number | null }
export interface PlannedExercise { exercise: Exercise; scheme: string; targetSets: TargetSet[] }
export interface PlanDay { dayNumber: number; name: string; exercises: PlannedExercise[] }
export interface WeeklyPlan { weekStart: DateString; planVersion: number; split: string; days: PlanDay[] }

export interface WorkoutSet {
  id: ID;
  exercise: { id: ID; name: string };
  order: number;
  loadKg: number;
  reps: number;
  rpe: number | null;
  restSeconds: number | null;
  performedAt: DateTimeString;
  isWarmup: boolean;
}

export interface WorkoutSession {
  id: ID;
  startedAt: DateTimeString;
  finishedAt: DateTimeString | null;
  planDayNumber: number | null;
  sets: WorkoutSet[];
}

export interface SessionConnection {
  edges: { cursor: string; node: Omit<WorkoutSession, 'sets'> }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export type PersonalRecordKind = 'HEAVIEST_LOAD' | 'MOST_REPS_AT_LOAD' | 'BEST_E1RM';
export interface PersonalRecord {
  exercise: { id: ID; name: string };
  kind: PersonalRecordKind;
  loadKg: number;
  reps: number;
  e1rmKg: number;
  achievedAt: DateTimeString;
}
export interface E1rmPoint { date: DateString; e1rmKg: number }

export interface MuscleVolume { muscle: MuscleGroup; hardSets: number; totalReps: number; volumeLoadKg: number }
export interface BodyMap { weekStart: DateString; version: number; muscles: MuscleVolume[] }

export interface Athlete { user: { id: ID; displayName: string }; bodyMap: BodyMap | null; activeSession: { id: ID } | null }

export interface Citation { kind: string; ref: string; value: string }
export interface CoachReply { answer: string; citations: Citation[]; toolCalls: unknown }

export interface CopilotSuggestion {
  nextSet: { exerciseId: ID; loadKg: number; reps: number; rpe: number | null } | null;
  restSeconds: number | null;
  swap: { exerciseId: ID; name: string } | null;
  rationale: string;
}

export type SessionEventKind = 'SET_LOGGED' | 'SET_UPDATED' | 'SET_DELETED' | 'SESSION_FINISHED';
export interface SessionEvent {
  kind: SessionEventKind;
  sessionId: ID;
  athleteId: ID;
  set: WorkoutSet | null;
  setId: ID | null;
  bodyMap: Pick<BodyMap, 'version' | 'muscles'> | null;
  occurredAt: DateTimeString;
}

/** Every mutation payload echoes the idempotency key and says whether it was a replay. */
export interface MutationPayload { clientMutationId: ID; replayed: boolean }
export interface LogSetPayload extends MutationPayload { set: WorkoutSet; session: { id: ID } }
export interface UpdateSetPayload extends MutationPayload { set: WorkoutSet }
export interface DeleteSetPayload extends MutationPayload { deletedSetId: ID }

/** Error codes in errors[].extensions.code. */
export const ErrorCodes = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  VALIDATION: 'VALIDATION',
  IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY_CONFLICT',
  SESSION_FINISHED: 'SESSION_FINISHED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
} as const;
