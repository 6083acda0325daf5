import NetInfo from '@react-native-community/netinfo';
import { act, render, screen } from '@testing-library/react-native';
import { Text } from 'react-native';
import { OfflineQueueProvider, pendingSummary, useQueueState } from '#/offline/OfflineQueueProvider';
import { OfflineQueue, type QueueItem, type QueueState } from '#/offline/queue';
import { memoryStorage } from '#/test-utils/app';

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

function Summary() {
  return <Text>{pendingSummary(useQueueState()) ?? 'all synced'}</Text>;
}

describe('OfflineQueueProvider', () => {
  it('starts the queue on mount and follows NetInfo: offline holds the set, online sends it', async () => {
    const send = jest.fn(async (i: QueueItem) => ({
      status: 200,
      body: { data: { logSet: { clientMutationId: i.clientMutationId, replayed: false, set: { id: 'x' } } } },
    }));
    const queue = new OfflineQueue({ storage: memoryStorage(), storageKey: 'k', send, uuid: () => 'u-1' });
    await render(
      <OfflineQueueProvider queue={queue}>
        <Summary />
      </OfflineQueueProvider>,
    );
    const listener = jest.mocked(NetInfo.addEventListener).mock.calls.at(-1)![0];

    await act(async () => listener({ isConnected: false, isInternetReachable: false } as never));
    await act(async () => {
      queue.enqueue({ kind: 'logSet', sessionId: 's', variables: { reps: 5 } });
      await queue.settled();
    });
    expect(screen.getByText('1 set waiting to sync (offline)')).toBeOnTheScreen();
    expect(send).not.toHaveBeenCalled();

    await act(async () => {
      listener({ isConnected: true, isInternetReachable: true } as never);
      await queue.settled();
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(screen.getByText('all synced')).toBeOnTheScreen();
  });
});
