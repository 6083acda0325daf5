import type { GraphQLResponse } from '#/lib/graphql/transport';
import { ErrorCodes } from '#/lib/graphql/error-codes';
import type { QueueKind } from '#/offline/schema';

export interface SendResult {
  status: number;
  body: GraphQLResponse;
}

export type Outcome =
  | { type: 'success'; payload: Record<string, unknown>; replayed: boolean }
  | { type: 'reject'; code: string; message: string; field?: string }
  | { type: 'retry'; message: string }
  | { type: 'auth'; message: string };

/** Codes that say "try again later" rather than "this set is wrong". */
const RETRYABLE_CODES = new Set<string>([
  ErrorCodes.PERSISTED_QUERY_NOT_FOUND, // client and server deployed out of step: keep the set
  'INTERNAL_SERVER_ERROR',
  'INTERNAL_ERROR',
  'TIMEOUT',
  'SERVICE_UNAVAILABLE',
]);

/**
 * What a mutation's answer means for its queue item:
 * - data with the payload (`{ clientMutationId, replayed, setId, set, session, … }`), replayed or not → success;
 * - UNAUTHENTICATED / 401 → pause the queue until the user signs in again (the item is kept);
 * - 5xx, 408, 429, unknown/internal errors, PERSISTED_QUERY_NOT_FOUND → retry with backoff;
 * - a domain error (IDEMPOTENCY_CONFLICT, VALIDATION with extensions.field, NOT_FOUND, FORBIDDEN,
 *   SESSION_FINISHED, PERSISTED_QUERY_REQUIRED, …) or
 *   any other 4xx → reject: the item is dropped and its optimistic change rolled back.
 * A thrown error (no answer at all) is a network error: the queue retries it.
 */
export function classify(kind: QueueKind, result: SendResult): Outcome {
  const { status, body } = result;
  const errors = body.errors ?? [];
  const coded = errors.find((e) => typeof e.extensions?.code === 'string');
  const code = coded?.extensions?.code as string | undefined;
  const message = (coded ?? errors[0])?.message ?? `HTTP ${status}`;

  if (status === 401 || code === ErrorCodes.UNAUTHENTICATED) return { type: 'auth', message };
  if (status >= 500 || status === 408 || status === 429) return { type: 'retry', message };
  if (code && RETRYABLE_CODES.has(code)) return { type: 'retry', message };
  if (code) {
    const field = coded?.extensions?.field;
    return typeof field === 'string' ? { type: 'reject', code, message, field } : { type: 'reject', code, message };
  }
  if (status >= 400) return { type: 'reject', code: `HTTP_${status}`, message };
  if (errors.length > 0) return { type: 'retry', message };

  const payload = (body.data as Record<string, unknown> | null | undefined)?.[kind];
  if (!payload || typeof payload !== 'object') return { type: 'retry', message: 'The server answered without a result.' };
  const p = payload as Record<string, unknown>;
  return { type: 'success', payload: p, replayed: p.replayed === true };
}

const rejected: Record<QueueKind, string> = {
  startSession: 'Session not started',
  logSet: 'Set not saved',
  updateSet: 'Edit not saved',
  deleteSet: 'Delete not saved',
  finishSession: 'Finish not saved',
  setSessionNote: 'Note not saved',
  setExerciseNote: 'Note not saved',
  addSessionExercise: 'Exercise not added',
  groupSessionSuperset: 'Superset not saved',
  createExercise: 'Exercise not created',
  swapPlannedExercise: 'Swap not saved',
  skipPlannedExercise: 'Skip not saved',
  addPlannedExercise: 'Exercise not added to the plan',
  changePlannedTargets: 'Targets not saved',
  groupPlannedSuperset: 'Superset not saved',
  resetWeeklyPlan: 'Reset not saved',
};

/** The sentence the user sees when a queued change is dropped. */
export function describeRejection(kind: QueueKind, code: string, message: string): string {
  const what = rejected[kind];
  switch (code) {
    case ErrorCodes.SESSION_ID_TAKEN:
      return `${what}: the server already has a session with this id.`;
    case ErrorCodes.IDEMPOTENCY_CONFLICT:
      return `${what}: the server already has a different change with the same id.`;
    case ErrorCodes.VALIDATION:
      return `${what}: ${message}`;
    case ErrorCodes.SESSION_FINISHED:
      return `${what}: the session was already finished.`;
    case ErrorCodes.NOT_FOUND:
      return `${what}: it no longer exists on the server.`;
    case ErrorCodes.FORBIDDEN:
      return `${what}: you are not allowed to change this session.`;
    default:
      return `${what}: ${message}`;
  }
}
