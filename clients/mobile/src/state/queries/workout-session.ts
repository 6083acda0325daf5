/**
 * The workout session resource: its key, its query/mutation hooks and its optimistic helpers.
 * Starting and finishing a session and every set change go through the offline queue; what the user
 * sees is the server's session and sets, plus changes confirmed since the last fetch, plus the
 * changes still queued (marked pending). A session started offline has an id made on the phone
 * (startSession takes it), so its sets queue behind its start. A change the server rejects leaves the
 * queue, so it disappears by itself (the rollback).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSubscription } from 'urql';
import { useLiveQuery } from '#/lib/network';
import { uuid } from '#/lib/uuid';
import { useOfflineQueue, useQueueState } from '#/offline/OfflineQueueProvider';
import { isPendingSetId, pendingSetId, type QueueItem } from '#/offline/queue';
import type { ID } from '#/lib/graphql/scalars';
import type { SessionSetFieldsFragment } from '#/state/queries/generated';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';

export const sessionKey = (sessionId: ID) => ['session', sessionId] as const;

export type WorkoutSession = NonNullable<ResultOf<'Session'>['session']>;
/** A set as performed (loads in kilograms). LogSet, UpdateSet and SessionUpdated return the same fields. */
export type WorkoutSet = SessionSetFieldsFragment;
export type SessionEvent = ResultOf<'SessionUpdated'>['sessionUpdated'];

export type SetSyncStatus = 'synced' | 'pending';

export interface DisplaySet extends WorkoutSet {
  status: SetSyncStatus;
  /** The queued change behind a pending set (its clientMutationId). */
  pendingChangeId?: string;
  /** Why the last try to sync it failed (it is being retried). */
  lastError?: string | null;
}

/** Server answers and live events received since the session was last fetched. */
export interface ConfirmedChanges {
  sets: Record<ID, WorkoutSet>;
  deleted: ID[];
  /** The newest session version they showed (0: none). */
  version?: number;
  /** When a live event said the session finished. */
  finishedAt?: string;
}

export const noConfirmedChanges: ConfirmedChanges = { sets: {}, deleted: [] };

const newer = (changes: ConfirmedChanges, version: unknown) =>
  typeof version === 'number' && version > (changes.version ?? 0) ? version : changes.version;

export interface LogSetInput {
  exercise: { id: ID; name: string };
  loadKg: number;
  reps: number;
  rpe?: number | null;
  restSeconds?: number | null;
  isWarmup?: boolean;
  setType?: 'WARMUP' | 'WORKING' | 'DROP' | 'FAILURE';
  note?: string | null;
}

export type SetPatch = Partial<Pick<WorkoutSet, 'loadKg' | 'reps' | 'rpe' | 'restSeconds'>>;

// ---------------------------------------------------------------- optimistic helpers (pure)

/** Records a confirmed queue item (its payload) so it shows as synced until the next fetch has it. */
export function applyConfirmed(changes: ConfirmedChanges, item: QueueItem, payload: Record<string, unknown>): ConfirmedChanges {
  const version = newer(changes, (payload.session as { version?: unknown } | undefined)?.version);
  if (item.kind === 'deleteSet') {
    const id = (payload.setId as string | undefined) ?? (item.variables.setId as string);
    const { [id]: _, ...sets } = changes.sets;
    return { ...changes, sets, deleted: [...changes.deleted, id], version };
  }
  const set = payload.set as WorkoutSet | undefined;
  if (!set?.id) return { ...changes, version };
  return { ...changes, sets: { ...changes.sets, [set.id]: set }, version };
}

/**
 * Applies a live event of the session (what `sessionUpdated` sends): the set as it stands is laid in,
 * a deleted set taken out, a finish noted; an event older than what is shown changes nothing.
 */
export function applyEvent(changes: ConfirmedChanges, event: SessionEvent): ConfirmedChanges {
  if (event.sessionVersion <= (changes.version ?? 0)) return changes;
  const version = event.sessionVersion;
  switch (event.kind) {
    case 'SET_DELETED': {
      if (!event.setId) return { ...changes, version };
      const { [event.setId]: _, ...sets } = changes.sets;
      return { ...changes, sets, deleted: [...changes.deleted, event.setId], version };
    }
    case 'SESSION_FINISHED':
      return { ...changes, finishedAt: event.occurredAt, version };
    default:
      return event.set ? { ...changes, sets: { ...changes.sets, [event.set.id]: event.set }, version } : { ...changes, version };
  }
}

/** Drops what a fresh server answer already reflects (a set it has, a deletion it shows). */
export function pruneConfirmed(changes: ConfirmedChanges, serverSets: readonly WorkoutSet[] | undefined): ConfirmedChanges {
  if (!serverSets) return changes;
  const onServer = new Set(serverSets.map((s) => s.id));
  const sets = Object.fromEntries(Object.entries(changes.sets).filter(([id]) => !onServer.has(id)));
  const deleted = changes.deleted.filter((id) => onServer.has(id));
  if (Object.keys(sets).length === Object.keys(changes.sets).length && deleted.length === changes.deleted.length) return changes;
  return { ...changes, sets, deleted };
}

/** A queued logSet as the set it will become. */
export function pendingSetOf(item: QueueItem, order: number): DisplaySet {
  const v = item.variables as Record<string, unknown>;
  return {
    id: pendingSetId(item.clientMutationId),
    sessionId: item.sessionId,
    exercise: { id: String(v.exerciseId), name: String(item.meta.exerciseName ?? v.exerciseId) },
    order,
    loadKg: Number(v.loadKg),
    reps: Number(v.reps),
    rpe: (v.rpe as number | null | undefined) ?? null,
    restSeconds: (v.restSeconds as number | null | undefined) ?? null,
    performedAt: String(v.performedAt ?? item.createdAt),
    isWarmup: v.isWarmup === true || v.setType === 'WARMUP',
    setType: (v.setType as WorkoutSet['setType'] | undefined) ?? (v.isWarmup === true ? 'WARMUP' : 'WORKING'),
    note: (v.note as string | null | undefined) ?? null,
    status: 'pending',
    pendingChangeId: item.clientMutationId,
    lastError: item.lastError,
  };
}

/** Server sets + confirmed changes + queued changes of this session, in the order performed. */
export function mergeSessionSets(
  serverSets: readonly WorkoutSet[],
  confirmed: ConfirmedChanges,
  queued: readonly QueueItem[],
  sessionId: ID,
): DisplaySet[] {
  const byId = new Map<ID, DisplaySet>();
  for (const s of serverSets) byId.set(s.id, { ...s, status: 'synced' });
  for (const s of Object.values(confirmed.sets)) byId.set(s.id, { ...s, status: 'synced' });
  for (const id of confirmed.deleted) byId.delete(id);

  let order = Math.max(0, ...[...byId.values()].map((s) => s.order));
  for (const item of queued) {
    if (item.sessionId !== sessionId) continue;
    if (item.kind === 'logSet') {
      const set = pendingSetOf(item, ++order);
      byId.set(set.id, set);
      continue;
    }
    const setId = item.variables.setId as ID;
    const target = byId.get(setId);
    if (!target) continue;
    if (item.kind === 'deleteSet') {
      byId.delete(setId);
    } else {
      const { setId: _, ...patch } = item.variables;
      byId.set(setId, {
        ...target,
        ...(patch as SetPatch),
        status: 'pending',
        pendingChangeId: item.clientMutationId,
        lastError: item.lastError,
      });
    }
  }
  return [...byId.values()].sort((a, b) => a.performedAt.localeCompare(b.performedAt) || a.order - b.order);
}

/** A session as the user sees it; `onServer` false while its start is still queued on the phone. */
export type DisplaySession = WorkoutSession & { onServer: boolean; finishPending: boolean };

/**
 * The server's session, or the one a queued startSession will create; a queued finishSession shows
 * it finished already.
 */
export function displaySession(server: WorkoutSession | null | undefined, queued: readonly QueueItem[], sessionId: ID): DisplaySession | null {
  const start = queued.find((i) => i.kind === 'startSession' && i.sessionId === sessionId);
  const finish = queued.find((i) => i.kind === 'finishSession' && i.sessionId === sessionId);
  const base: WorkoutSession | null =
    server ??
    (start
      ? {
          id: sessionId,
          athleteId: '',
          planDayNumber: (start.variables.planDayNumber as number | null | undefined) ?? null,
          startedAt: String(start.variables.startedAt ?? start.createdAt),
          finishedAt: null,
          version: 0,
          note: null,
          exercises: [],
          sets: [],
        }
      : null);
  if (!base) return null;
  const finishedAt = base.finishedAt ?? (finish ? String(finish.variables.finishedAt ?? finish.createdAt) : null);
  return { ...base, finishedAt, onServer: !!server, finishPending: !base.finishedAt && !!finish };
}

/** The session still open (newest first): from the server's recent sessions or started on this phone. */
export function openSessionOf<S extends { id: ID; startedAt: string; finishedAt?: string | null; planDayNumber?: number | null }>(
  server: readonly S[],
  queued: readonly QueueItem[],
): { id: ID; startedAt: string; planDayNumber: number | null } | null {
  const finishing = new Set(queued.filter((i) => i.kind === 'finishSession').map((i) => i.sessionId));
  const known = new Set(server.map((s) => s.id));
  const started = queued
    .filter((i) => i.kind === 'startSession' && !known.has(i.sessionId))
    .map((i) => ({ id: i.sessionId, startedAt: String(i.variables.startedAt ?? i.createdAt), finishedAt: null, planDayNumber: (i.variables.planDayNumber as number | null | undefined) ?? null }));
  const open = [...started, ...server]
    .filter((s) => !s.finishedAt && !finishing.has(s.id))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
  return open ? { id: open.id, startedAt: open.startedAt, planDayNumber: open.planDayNumber ?? null } : null;
}

// ---------------------------------------------------------------- hooks

export function useSessionQuery(sessionId: ID | null | undefined) {
  return useLiveQuery<ResultOf<'Session'>, VariablesOf<'Session'>>({
    query: operations.Session.document,
    variables: { id: sessionId ?? '' },
    pause: !sessionId,
  });
}

/** The session's sets as the user should see them (optimistic), kept fresh as changes sync. */
export function useSessionSets(sessionId: ID) {
  const [result, reexecute] = useSessionQuery(sessionId);
  const queue = useOfflineQueue();
  const { items } = useQueueState();
  const [confirmed, setConfirmed] = useState<ConfirmedChanges>(noConfirmedChanges);
  const serverSets = result.data?.session?.sets;

  // A confirmed set change carries the set and the session's version: it is applied, not refetched. A
  // start (the session now exists on the server) or a finish (progression moved) is fetched once.
  useEffect(
    () =>
      queue.onEvent((event) => {
        if (event.type !== 'succeeded' || event.item.sessionId !== sessionId) return;
        setConfirmed((c) => applyConfirmed(c, event.item, event.payload));
        if (event.item.kind === 'startSession' || event.item.kind === 'finishSession') reexecute({ requestPolicy: 'network-only' });
      }),
    [queue, sessionId, reexecute],
  );

  // Forget confirmed answers once a fresh server answer reflects them.
  useEffect(() => setConfirmed((c) => pruneConfirmed(c, serverSets)), [serverSets]);

  /** Lays a live event into what is shown (no refetch). */
  const applyLiveEvent = useCallback((event: SessionEvent) => setConfirmed((c) => applyEvent(c, event)), []);

  const sets = useMemo(() => mergeSessionSets(serverSets ?? [], confirmed, items, sessionId), [serverSets, confirmed, items, sessionId]);
  const serverSession = result.data?.session;
  const session = useMemo(() => {
    const shown = displaySession(serverSession, items, sessionId);
    if (!shown) return shown;
    return {
      ...shown,
      version: Math.max(shown.version, confirmed.version ?? 0),
      finishedAt: shown.finishedAt ?? confirmed.finishedAt ?? null,
    };
  }, [serverSession, items, sessionId, confirmed.version, confirmed.finishedAt]);
  return { result, sets, session, refetch: reexecute, applyLiveEvent };
}

/** One tap: the set is queued (and shown as pending) at once; its clientMutationId is made here, once. */
export function useLogSet(sessionId: ID) {
  const queue = useOfflineQueue();
  return useCallback(
    (input: LogSetInput) =>
      queue.enqueue({
        kind: 'logSet',
        sessionId,
        variables: {
          sessionId,
          exerciseId: input.exercise.id,
          loadKg: input.loadKg,
          reps: input.reps,
          rpe: input.rpe ?? null,
          restSeconds: input.restSeconds ?? null,
          // fixed now, so every retry sends the very same input
          performedAt: new Date().toISOString(),
          isWarmup: input.isWarmup ?? input.setType === 'WARMUP',
          ...(input.setType ? { setType: input.setType } : {}),
          ...(input.note ? { note: input.note } : {}),
        },
        meta: { exerciseName: input.exercise.name },
      }),
    [queue, sessionId],
  );
}

/**
 * Edits a set. updateSet takes all of the set's values (an omitted rpe or restSeconds clears it), so
 * the patch is laid over what the set has now.
 */
export function useUpdateSet(sessionId: ID) {
  const queue = useOfflineQueue();
  return useCallback(
    (set: WorkoutSet, patch: SetPatch) =>
      queue.enqueue({
        kind: 'updateSet',
        sessionId,
        variables: {
          setId: set.id,
          loadKg: patch.loadKg ?? set.loadKg,
          reps: patch.reps ?? set.reps,
          rpe: patch.rpe === undefined ? set.rpe : patch.rpe,
          restSeconds: patch.restSeconds === undefined ? set.restSeconds : patch.restSeconds,
          isWarmup: set.isWarmup,
          setType: set.setType,
          note: set.note,
        },
      }),
    [queue, sessionId],
  );
}

export function useDeleteSet(sessionId: ID) {
  const queue = useOfflineQueue();
  return useCallback(
    (setId: ID) => {
      // A set that never left the phone is simply taken back.
      if (isPendingSetId(setId)) {
        const logId = setId.slice('pending:'.length);
        if (queue.isUnsent(logId) && queue.discard(logId)) return null;
      }
      return queue.enqueue({ kind: 'deleteSet', sessionId, variables: { setId } });
    },
    [queue, sessionId],
  );
}

/** Starts a session now, online or not: returns its id (made here) at once; the start is queued. */
export function useStartSession() {
  const queue = useOfflineQueue();
  return useCallback(
    (planDayNumber?: number): ID => {
      const sessionId = uuid();
      queue.enqueue({
        kind: 'startSession',
        sessionId,
        variables: { sessionId, planDayNumber: planDayNumber ?? null, startedAt: new Date().toISOString() },
      });
      return sessionId;
    },
    [queue],
  );
}

/** Finishes the session now, online or not (queued behind its sets). */
export function useFinishSession(sessionId: ID) {
  const queue = useOfflineQueue();
  return useCallback(
    () => queue.enqueue({ kind: 'finishSession', sessionId, variables: { sessionId, finishedAt: new Date().toISOString() } }),
    [queue, sessionId],
  );
}

/**
 * Live events of one session (a coach watching, or a second device), each handed to `onEvent` in order.
 * After a dropped connection the subscription resumes after the last event's cursor (see
 * `resumablePayload`), so none is missed or repeated.
 */
export function useSessionUpdates(sessionId: ID | null, onEvent: (event: SessionEvent) => void) {
  const [result] = useSubscription<ResultOf<'SessionUpdated'>, SessionEvent | undefined, VariablesOf<'SessionUpdated'>>(
    {
      query: operations.SessionUpdated.document,
      variables: { sessionId: sessionId ?? '' },
      pause: !sessionId,
    },
    (_, data) => {
      onEvent(data.sessionUpdated);
      return data.sessionUpdated;
    },
  );
  return result;
}
