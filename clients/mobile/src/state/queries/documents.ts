/**
 * The client's GraphQL operations, one constant per operation, named as the operation.
 * The persisted-operation ids are the sha256 of these exact texts (`npm run operations` writes
 * persisted-operations.json; a test fails when it is stale). When /schema/operations/*.graphql and
 * its manifest take over, only operations.ts changes: it will read that manifest instead.
 *
 * Kept free of imports and TypeScript-only syntax so `node scripts/persist-operations.mjs` can load it.
 */

const WORKOUT_SET = `id exercise { id name } order loadKg reps rpe restSeconds performedAt isWarmup`;
const MUSCLES = `muscle hardSets totalReps volumeLoadKg`;

export const Me = `query Me { me { id displayName role } }`;

export const Profile = `query Profile { profile { goal daysPerWeek experience equipment sessionMinutes units planVersion } }`;

export const WeeklyPlan = `query WeeklyPlan($weekStart: Date, $athleteId: ID) {
  weeklyPlan(weekStart: $weekStart, athleteId: $athleteId) {
    weekStart planVersion split
    days { dayNumber name exercises {
      exercise { id name primaryMuscles secondaryMuscles equipment }
      scheme
      targetSets { setNumber repsMin repsMax loadKg rpe }
    } }
  }
}`;

export const Session = `query Session($id: ID!) {
  session(id: $id) { id startedAt finishedAt planDayNumber sets { ${WORKOUT_SET} } }
}`;

export const Sessions = `query Sessions($first: Int, $after: String, $athleteId: ID) {
  sessions(first: $first, after: $after, athleteId: $athleteId) {
    edges { cursor node { id startedAt finishedAt planDayNumber } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const PersonalRecords = `query PersonalRecords($exerciseId: ID, $athleteId: ID) {
  personalRecords(exerciseId: $exerciseId, athleteId: $athleteId) {
    exercise { id name } kind loadKg reps e1rmKg achievedAt
  }
}`;

export const E1rmHistory = `query E1rmHistory($exerciseId: ID!, $athleteId: ID) {
  e1rmHistory(exerciseId: $exerciseId, athleteId: $athleteId) { date e1rmKg }
}`;

export const BodyMap = `query BodyMap($weekStart: Date, $athleteId: ID) {
  bodyMap(weekStart: $weekStart, athleteId: $athleteId) { weekStart version muscles { ${MUSCLES} } }
}`;

export const Athletes = `query Athletes($weekStart: Date) {
  athletes {
    user { id displayName }
    bodyMap(weekStart: $weekStart) { weekStart version muscles { ${MUSCLES} } }
    activeSession { id }
  }
}`;

export const Coach = `query Coach($question: String!, $athleteId: ID) {
  coach(question: $question, athleteId: $athleteId) { answer citations { kind ref value } toolCalls }
}`;

export const Copilot = `query Copilot($sessionId: ID!) {
  copilot(sessionId: $sessionId) {
    nextSet { exerciseId loadKg reps rpe } restSeconds swap { exerciseId name } rationale
  }
}`;

export const StartSession = `mutation StartSession($input: StartSessionInput!) {
  startSession(input: $input) { clientMutationId replayed session { id startedAt finishedAt planDayNumber } }
}`;

export const LogSet = `mutation LogSet($input: LogSetInput!) {
  logSet(input: $input) { clientMutationId replayed set { ${WORKOUT_SET} } session { id } }
}`;

export const UpdateSet = `mutation UpdateSet($input: UpdateSetInput!) {
  updateSet(input: $input) { clientMutationId replayed set { ${WORKOUT_SET} } }
}`;

export const DeleteSet = `mutation DeleteSet($input: DeleteSetInput!) {
  deleteSet(input: $input) { clientMutationId replayed deletedSetId }
}`;

export const FinishSession = `mutation FinishSession($input: FinishSessionInput!) {
  finishSession(input: $input) { clientMutationId replayed session { id finishedAt } }
}`;

const SESSION_EVENT = `kind sessionId athleteId set { ${WORKOUT_SET} } setId bodyMap { version muscles { ${MUSCLES} } } occurredAt`;

export const SessionUpdated = `subscription SessionUpdated($sessionId: ID!) { sessionUpdated(sessionId: $sessionId) { ${SESSION_EVENT} } }`;

export const AthleteActivity = `subscription AthleteActivity { athleteActivity { ${SESSION_EVENT} } }`;
