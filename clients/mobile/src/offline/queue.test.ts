import AsyncStorage from '@react-native-async-storage/async-storage';
import { OfflineQueue, backoffDelay, pendingSetId, type QueueEvent, type QueueItem, type Send, type SendResult } from '#/offline/queue';
import { queueStorageKey } from '#/offline/schema';
import type { StorageLike } from '#/state/persisted/versioned';

const KEY = queueStorageKey('athlete-1');

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: async (k) => data.get(k) ?? null,
    setItem: async (k, v) => {
      data.set(k, v);
    },
  };
}

function uuids() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

/** A SetPayload as the server answers: setId beside the set (its id), the session's new version. */
const ok = (kind: string, item: QueueItem, extra: Record<string, unknown> = {}, replayed = false): SendResult => {
  const setId = (extra.set as { id?: string } | undefined)?.id;
  return {
    status: 200,
    body: {
      data: {
        [kind]: { clientMutationId: item.clientMutationId, replayed, ...(setId ? { setId } : {}), session: { id: item.sessionId, version: 2 }, ...extra },
      },
    },
  };
};

const logSetInput = (reps: number) => ({
  kind: 'logSet' as const,
  sessionId: 'session-1',
  variables: { sessionId: 'session-1', exerciseId: 'back-squat', loadKg: 100, reps, performedAt: '2026-11-24T10:00:00Z' },
});

function makeQueue(storage: StorageLike, send: Send, uuid = uuids()) {
  const queue = new OfflineQueue({ storage, storageKey: KEY, send, uuid, random: () => 0.5, backoff: { baseMs: 1000, maxMs: 8000 } });
  const events: QueueEvent[] = [];
  queue.onEvent((e) => events.push(e));
  return { queue, events };
}

afterEach(() => {
  fakeTimers = false;
  jest.useRealTimers();
});

describe('OfflineQueue', () => {
  it('makes the clientMutationId once and shows the item at once, before anything is sent', async () => {
    const send = jest.fn<Promise<SendResult>, [QueueItem]>(() => new Promise(() => {}));
    const { queue } = makeQueue(memoryStorage(), send);
    await queue.start();
    const item = queue.enqueue(logSetInput(5));
    expect(item.clientMutationId).toBe('00000000-0000-4000-8000-000000000001');
    expect(queue.getState().items).toEqual([item]);
  });

  it('persists across a simulated restart and drains in order afterwards', async () => {
    const storage = memoryStorage();
    const offline = makeQueue(storage, jest.fn());
    offline.queue.setOnline(false);
    await offline.queue.start();
    const a = offline.queue.enqueue(logSetInput(5));
    const b = offline.queue.enqueue(logSetInput(4));
    await offline.queue.settled();
    offline.queue.stop(); // the app is killed

    const sent: string[] = [];
    const send: Send = async (item) => {
      sent.push(item.clientMutationId);
      return ok('logSet', item, { set: { id: `set-${sent.length}` } });
    };
    const restarted = makeQueue(storage, send, () => 'never-used');
    await restarted.queue.start(); // app start resumes on its own
    await restarted.queue.settled();

    expect(sent).toEqual([a.clientMutationId, b.clientMutationId]);
    expect(restarted.queue.getState().items).toEqual([]);
    expect(JSON.parse(storage.data.get(KEY)!)).toEqual({ version: 1, data: { items: [] } });
  });

  it('works over the AsyncStorage module (jest mock) too', async () => {
    await AsyncStorage.clear();
    const first = makeQueue(AsyncStorage, jest.fn());
    first.queue.setOnline(false);
    await first.queue.start();
    const a = first.queue.enqueue(logSetInput(5));
    await first.queue.settled();
    first.queue.stop();

    const second = makeQueue(AsyncStorage, jest.fn());
    second.queue.setOnline(false);
    await second.queue.start();
    expect(second.queue.getState().items.map((i) => i.clientMutationId)).toEqual([a.clientMutationId]);
  });

  it('blocks later items of the same session until the first resolves, but not other sessions', async () => {
    const resolvers = new Map<string, (r: SendResult) => void>();
    const sent: string[] = [];
    const send: Send = (item) =>
      new Promise((resolve) => {
        sent.push(`${item.sessionId}:${item.variables.reps}`);
        resolvers.set(item.clientMutationId, resolve);
      });
    const { queue } = makeQueue(memoryStorage(), send);
    await queue.start();
    const a = queue.enqueue(logSetInput(5));
    queue.enqueue(logSetInput(4));
    queue.enqueue({ ...logSetInput(8), sessionId: 'session-2' });
    await flush();
    expect(sent).toEqual(['session-1:5', 'session-2:8']);

    resolvers.get(a.clientMutationId)!(ok('logSet', a, { set: { id: 'set-1' } }));
    await flush();
    expect(sent).toEqual(['session-1:5', 'session-2:8', 'session-1:4']);
  });

  it('retries network errors and 5xx with backoff, keeping the same clientMutationId, and resumes when the network returns', async () => {
    jest.useFakeTimers();
    fakeTimers = true;
    const seen: { id: string; attempts: number }[] = [];
    let call = 0;
    const send: Send = async (item) => {
      seen.push({ id: item.clientMutationId, attempts: item.attempts });
      call += 1;
      if (call === 1) throw new TypeError('Network request failed');
      if (call === 2) return { status: 503, body: { errors: [{ message: 'Service Unavailable' }] } };
      return ok('logSet', item, { set: { id: 'set-1' } });
    };
    const { queue, events } = makeQueue(memoryStorage(), send);
    await queue.start();
    const item = queue.enqueue(logSetInput(5));
    await flushAsync();
    expect(seen).toHaveLength(1);
    expect(queue.getState().items[0]?.lastError).toBe('Network request failed');

    // first retry after base delay (with the jitter at 0.5: 750 ms)
    await jest.advanceTimersByTimeAsync(749);
    expect(seen).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(seen).toHaveLength(2);

    // second retry would wait 1500 ms; the network coming back sends at once
    queue.setOnline(false);
    queue.setOnline(true);
    await flushAsync();
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.id))).toEqual(new Set([item.clientMutationId]));
    expect(seen.map((s) => s.attempts)).toEqual([1, 2, 3]);
    expect(events.map((e) => e.type)).toEqual(['retrying', 'retrying', 'succeeded']);
    expect(queue.getState().items).toEqual([]);
  });

  it('does not send while offline', async () => {
    const send = jest.fn<Promise<SendResult>, [QueueItem]>();
    const { queue } = makeQueue(memoryStorage(), send);
    queue.setOnline(false);
    await queue.start();
    queue.enqueue(logSetInput(5));
    await flushAsync();
    expect(send).not.toHaveBeenCalled();
  });

  it('counts a replayed answer as success', async () => {
    const { queue, events } = makeQueue(memoryStorage(), async (item) => ok('logSet', item, { set: { id: 'set-9' } }, true));
    await queue.start();
    queue.enqueue(logSetInput(5));
    await flushAsync();
    await queue.settled();
    expect(queue.getState().items).toEqual([]);
    expect(events).toEqual([expect.objectContaining({ type: 'succeeded', replayed: true })]);
  });

  it('drops an item on IDEMPOTENCY_CONFLICT, with its dependent edit, and says why', async () => {
    let conflicting = '';
    const send: Send = async (item) =>
      item.clientMutationId === conflicting
        ? { status: 200, body: { data: null, errors: [{ message: 'Conflict', extensions: { code: 'IDEMPOTENCY_CONFLICT' } }] } }
        : ok(item.kind, item, { set: { id: 'set-2' } });
    const { queue, events } = makeQueue(memoryStorage(), send);
    queue.setOnline(false);
    await queue.start();
    const logged = queue.enqueue(logSetInput(5));
    conflicting = logged.clientMutationId;
    const edit = queue.enqueue({ kind: 'updateSet', sessionId: 'session-1', variables: { setId: pendingSetId(logged.clientMutationId), reps: 6 } });
    const other = queue.enqueue(logSetInput(3));
    queue.setOnline(true);
    await flushAsync();
    await queue.settled();

    const rejected = events.find((e) => e.type === 'rejected');
    expect(rejected).toMatchObject({
      type: 'rejected',
      code: 'IDEMPOTENCY_CONFLICT',
      item: { clientMutationId: logged.clientMutationId },
      dropped: [expect.objectContaining({ clientMutationId: edit.clientMutationId })],
    });
    expect(rejected?.type === 'rejected' && rejected.reason).toMatch(/Set not saved/);
    // the next set of the session was not blocked for ever: it went through
    expect(events.filter((e) => e.type === 'succeeded').map((e) => e.item.clientMutationId)).toEqual([other.clientMutationId]);
    expect(queue.getState().items).toEqual([]);
  });

  it('drops everything of a session whose queued start is refused, and nothing of other sessions', async () => {
    const send: Send = async (item) =>
      item.kind === 'startSession'
        ? { status: 200, body: { data: null, errors: [{ message: 'Session id in use', extensions: { code: 'SESSION_ID_TAKEN' } }] } }
        : ok(item.kind, item, { set: { id: 'set-9' } });
    const { queue, events } = makeQueue(memoryStorage(), send);
    queue.setOnline(false);
    await queue.start();
    const start = queue.enqueue({ kind: 'startSession', sessionId: 'offline-1', variables: { sessionId: 'offline-1', planDayNumber: 1 } });
    const set = queue.enqueue({ ...logSetInput(5), sessionId: 'offline-1', variables: { ...logSetInput(5).variables, sessionId: 'offline-1' } });
    const finish = queue.enqueue({ kind: 'finishSession', sessionId: 'offline-1', variables: { sessionId: 'offline-1' } });
    const elsewhere = queue.enqueue(logSetInput(3));
    queue.setOnline(true);
    await flushAsync();
    await queue.settled();

    const rejected = events.find((e) => e.type === 'rejected');
    expect(rejected).toMatchObject({
      code: 'SESSION_ID_TAKEN',
      item: { clientMutationId: start.clientMutationId },
      dropped: [expect.objectContaining({ clientMutationId: set.clientMutationId }), expect.objectContaining({ clientMutationId: finish.clientMutationId })],
    });
    expect(rejected?.type === 'rejected' && rejected.reason).toMatch(/^Session not started: /);
    expect(events.filter((e) => e.type === 'succeeded').map((e) => e.item.clientMutationId)).toEqual([elsewhere.clientMutationId]);
    expect(queue.getState().items).toEqual([]);
  });

  it('drops VALIDATION and other 4xx domain errors; pauses on UNAUTHENTICATED without dropping', async () => {
    const answers: SendResult[] = [
      { status: 200, body: { errors: [{ message: 'reps must be positive', extensions: { code: 'VALIDATION', field: 'reps' } }] } },
      { status: 403, body: { errors: [{ message: 'Forbidden' }] } },
      { status: 401, body: { errors: [{ message: 'Signed out', extensions: { code: 'UNAUTHENTICATED' } }] } },
    ];
    const { queue, events } = makeQueue(memoryStorage(), async () => answers.shift()!);
    await queue.start();
    queue.enqueue(logSetInput(0));
    await flushAsync();
    queue.enqueue(logSetInput(1));
    await flushAsync();
    const kept = queue.enqueue(logSetInput(2));
    await flushAsync();
    await queue.settled();
    expect(events.map((e) => (e.type === 'rejected' ? `${e.type}:${e.code}` : e.type))).toEqual([
      'rejected:VALIDATION',
      'rejected:HTTP_403',
      'paused',
    ]);
    expect(queue.getState().pausedForAuth).toBe(true);
    expect(queue.getState().items.map((i) => i.clientMutationId)).toEqual([kept.clientMutationId]);
  });

  it('gives a later edit the real set id once its logSet went through', async () => {
    const sent: QueueItem[] = [];
    const send: Send = async (item) => {
      sent.push(item);
      return item.kind === 'logSet' ? ok('logSet', item, { set: { id: 'set-42' } }) : ok(item.kind, item, { set: { id: 'set-42' } });
    };
    const { queue } = makeQueue(memoryStorage(), send);
    queue.setOnline(false);
    await queue.start();
    const logged = queue.enqueue(logSetInput(5));
    queue.enqueue({ kind: 'updateSet', sessionId: 'session-1', variables: { setId: pendingSetId(logged.clientMutationId), reps: 6 } });
    queue.setOnline(true);
    await flushAsync();
    await queue.settled();
    expect(sent.map((i) => [i.kind, i.variables.setId])).toEqual([
      ['logSet', undefined],
      ['updateSet', 'set-42'],
    ]);
  });

  it('takes the real set id from setId when a replayed answer has no set (deleted since)', async () => {
    const sent: QueueItem[] = [];
    const send: Send = async (item) => {
      sent.push(item);
      return item.kind === 'logSet' ? ok('logSet', item, { setId: 'set-7', set: null }, true) : ok(item.kind, item, { setId: 'set-7' });
    };
    const { queue } = makeQueue(memoryStorage(), send);
    queue.setOnline(false);
    await queue.start();
    const logged = queue.enqueue(logSetInput(5));
    queue.enqueue({ kind: 'deleteSet', sessionId: 'session-1', variables: { setId: pendingSetId(logged.clientMutationId) } });
    queue.setOnline(true);
    await flushAsync();
    await queue.settled();
    expect(sent.map((i) => [i.kind, i.variables.setId])).toEqual([
      ['logSet', undefined],
      ['deleteSet', 'set-7'],
    ]);
  });

  it('lets the user take back a change that was never sent', async () => {
    const { queue } = makeQueue(memoryStorage(), jest.fn());
    queue.setOnline(false);
    await queue.start();
    const item = queue.enqueue(logSetInput(5));
    expect(queue.isUnsent(item.clientMutationId)).toBe(true);
    expect(queue.discard(item.clientMutationId)).toBe(true);
    expect(queue.getState().items).toEqual([]);
  });

  it('caps the backoff and jitters it', () => {
    const options = { baseMs: 1000, maxMs: 8000 };
    expect(backoffDelay(1, options, () => 0)).toBe(500);
    expect(backoffDelay(1, options, () => 0.999)).toBeCloseTo(1000, -1);
    expect(backoffDelay(3, options, () => 0)).toBe(2000);
    expect(backoffDelay(30, options, () => 0.999)).toBeLessThanOrEqual(8000);
  });
});

/** Lets promise chains (storage writes, sends) run. */
async function flush() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

let fakeTimers = false;
async function flushAsync() {
  if (fakeTimers) {
    await jest.advanceTimersByTimeAsync(0);
  } else {
    await new Promise((r) => setTimeout(r, 0));
  }
  await flush();
}
