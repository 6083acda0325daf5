import { pendingSummary } from '#/offline/OfflineQueueProvider';
import type { QueueItem, QueueState } from '#/offline/queue';

const item = (kind: QueueItem['kind']): QueueItem => ({
  clientMutationId: Math.random().toString(36),
  kind,
  sessionId: 's',
  variables: {},
  meta: {},
  createdAt: '2026-11-24T10:00:00Z',
  attempts: 0,
  lastError: null,
});
const state = (items: QueueItem[], extra: Partial<QueueState> = {}): QueueState => ({
  items,
  inFlight: [],
  online: true,
  pausedForAuth: false,
  loaded: true,
  ...extra,
});

describe('queue summary', () => {
  it('says how many sets wait, and why when it knows', () => {
    expect(pendingSummary(state([]))).toBeNull();
    expect(pendingSummary(state([item('logSet'), item('logSet'), item('logSet')]))).toBe('3 sets waiting to sync');
    expect(pendingSummary(state([item('logSet'), item('deleteSet')], { online: false }))).toBe('2 changes waiting to sync (offline)');
    expect(pendingSummary(state([item('logSet')], { pausedForAuth: true }))).toBe('1 set waiting: sign in again to sync');
  });
});
