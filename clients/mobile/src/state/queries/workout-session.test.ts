import { pendingSetId, type QueueItem } from '#/offline/queue';
import {
  applyConfirmed,
  applyEvent,
  displaySession,
  mergeSessionSets,
  noConfirmedChanges,
  openSessionOf,
  pruneConfirmed,
  type WorkoutSession,
  type WorkoutSet,
} from '#/state/queries/workout-session';

const server: WorkoutSet[] = [
  { id: 's1', sessionId: 'sess', exercise: { id: 'squat', name: 'Back Squat' }, order: 1, loadKg: 100, reps: 5, rpe: 7, restSeconds: 180, performedAt: '2026-11-24T10:00:00Z', isWarmup: false, setType: 'WORKING', note: null },
];

const item = (cmid: string, kind: QueueItem['kind'], variables: Record<string, unknown>, sessionId = 'sess'): QueueItem => ({
  clientMutationId: cmid,
  kind,
  sessionId,
  variables,
  meta: { exerciseName: 'Back Squat' },
  createdAt: '2026-11-24T10:05:00Z',
  attempts: 0,
  lastError: null,
});

describe('optimistic session sets', () => {
  it('appends queued sets as pending after the server sets', () => {
    const sets = mergeSessionSets(server, noConfirmedChanges, [item('c1', 'logSet', { exerciseId: 'squat', loadKg: 102.5, reps: 5, performedAt: '2026-11-24T10:05:00Z' })], 'sess');
    expect(sets.map((s) => [s.id, s.status])).toEqual([
      ['s1', 'synced'],
      [pendingSetId('c1'), 'pending'],
    ]);
    expect(sets[1]).toMatchObject({ exercise: { name: 'Back Squat' }, loadKg: 102.5, order: 2 });
  });

  it('shows queued edits and deletes, also of pending sets, and ignores other sessions', () => {
    const sets = mergeSessionSets(
      server,
      noConfirmedChanges,
      [
        item('c1', 'logSet', { exerciseId: 'squat', loadKg: 100, reps: 5, performedAt: '2026-11-24T10:05:00Z' }),
        item('c2', 'updateSet', { setId: pendingSetId('c1'), reps: 6 }),
        item('c3', 'deleteSet', { setId: 's1' }),
        item('c4', 'logSet', { exerciseId: 'bench', loadKg: 60, reps: 8 }, 'other-session'),
      ],
      'sess',
    );
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ id: pendingSetId('c1'), reps: 6, status: 'pending' });
  });

  it('keeps confirmed answers until the next fetch brings them', () => {
    const logged = { ...server[0]!, id: 's2', reps: 3, performedAt: '2026-11-24T10:10:00Z' };
    let confirmed = applyConfirmed(noConfirmedChanges, item('c1', 'logSet', {}), { set: logged });
    confirmed = applyConfirmed(confirmed, item('c2', 'deleteSet', { setId: 's1' }), { setId: 's1', replayed: false });
    expect(mergeSessionSets(server, confirmed, [], 'sess').map((s) => [s.id, s.status])).toEqual([['s2', 'synced']]);
  });

  it('forgets confirmed answers only once the server shows them', () => {
    const a = { ...server[0]!, id: 'a' };
    const b = { ...server[0]!, id: 'b' };
    let confirmed = applyConfirmed(noConfirmedChanges, item('c1', 'logSet', {}), { set: a });
    confirmed = applyConfirmed(confirmed, item('c2', 'logSet', {}), { set: b });
    confirmed = applyConfirmed(confirmed, item('c3', 'deleteSet', { setId: 's1' }), { setId: 's1', replayed: false });
    // a fetch that raced ahead: it has a but not b, and still has s1
    const pruned = pruneConfirmed(confirmed, [...server, a]);
    expect(Object.keys(pruned.sets)).toEqual(['b']);
    expect(pruned.deleted).toEqual(['s1']);
    expect(pruneConfirmed(pruned, [a, b])).toEqual({ sets: {}, deleted: [] });
  });
});

describe('live events applied to the session shown', () => {
  const set = (id: string, loadKg: number): WorkoutSet => ({ ...server[0]!, id, loadKg });
  const event = (sessionVersion: number, kind: 'SET_LOGGED' | 'SET_UPDATED' | 'SET_DELETED' | 'SESSION_FINISHED', setId: string | null, loaded: WorkoutSet | null) => ({
    cursor: `c${sessionVersion}`,
    kind,
    sessionId: 'sess',
    sessionVersion,
    setId,
    set: loaded,
    occurredAt: '2026-11-24T10:30:00Z',
  });

  it('lays each event in without a refetch: logged, updated, deleted, finished', () => {
    let changes = applyEvent(noConfirmedChanges, event(2, 'SET_LOGGED', 's2', set('s2', 105)));
    changes = applyEvent(changes, event(3, 'SET_UPDATED', 's2', set('s2', 107.5)));
    changes = applyEvent(changes, event(4, 'SET_DELETED', 's1', null));
    changes = applyEvent(changes, event(5, 'SESSION_FINISHED', null, null));

    const sets = mergeSessionSets(server, changes, [], 'sess');
    expect(sets.map((s) => [s.id, s.loadKg])).toEqual([['s2', 107.5]]);
    expect(changes.version).toBe(5);
    expect(changes.finishedAt).toBe('2026-11-24T10:30:00Z');
  });

  it('ignores an event older than what is shown (a confirmed answer got there first)', () => {
    const confirmed = applyConfirmed(noConfirmedChanges, item('c1', 'logSet', {}), { set: set('s2', 110), session: { version: 3 } });

    const after = applyEvent(confirmed, event(2, 'SET_LOGGED', 's2', set('s2', 105)));

    expect(after).toBe(confirmed);
  });
});

describe('sessions started and finished on the phone', () => {
  const onServer: WorkoutSession = { id: 'sess', athleteId: 'a', planDayNumber: 2, startedAt: '2026-11-24T09:00:00Z', finishedAt: null, version: 3, note: null, exercises: [], sets: [] };

  it('shows a session whose start is queued, not on the server yet', () => {
    const start = item('c1', 'startSession', { sessionId: 'new', planDayNumber: 1, startedAt: '2026-11-24T10:00:00Z' }, 'new');
    expect(displaySession(null, [start], 'new')).toMatchObject({ id: 'new', planDayNumber: 1, startedAt: '2026-11-24T10:00:00Z', finishedAt: null, onServer: false });
    expect(displaySession(null, [start], 'unknown')).toBeNull();
  });

  it('prefers the server session, and shows a queued finish as finished and pending', () => {
    const finish = item('c2', 'finishSession', { sessionId: 'sess', finishedAt: '2026-11-24T10:30:00Z' });
    expect(displaySession(onServer, [], 'sess')).toMatchObject({ version: 3, onServer: true, finishPending: false, finishedAt: null });
    expect(displaySession(onServer, [finish], 'sess')).toMatchObject({ finishedAt: '2026-11-24T10:30:00Z', finishPending: true });
  });

  it('offers the newest open session, also one started offline, but not one being finished', () => {
    const start = item('c1', 'startSession', { sessionId: 'new', planDayNumber: 1, startedAt: '2026-11-24T10:00:00Z' }, 'new');
    expect(openSessionOf([onServer], [start])).toEqual({ id: 'new', startedAt: '2026-11-24T10:00:00Z', planDayNumber: 1 });
    expect(openSessionOf([onServer], [])).toEqual({ id: 'sess', startedAt: '2026-11-24T09:00:00Z', planDayNumber: 2 });
    expect(openSessionOf([onServer], [item('c3', 'finishSession', { sessionId: 'sess' })])).toBeNull();
    expect(openSessionOf([{ ...onServer, finishedAt: '2026-11-24T09:50:00Z' }], [])).toBeNull();
  });
});
