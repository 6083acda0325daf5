import NetInfo from '@react-native-community/netinfo';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { AppState } from 'react-native';
import type { OfflineQueue, QueueEvent, QueueState } from '#/offline/queue';

interface Notice {
  id: string;
  message: string;
}

interface OfflineQueueContextValue {
  queue: OfflineQueue;
  notices: Notice[];
  dismissNotice(id: string): void;
}

const OfflineQueueContext = createContext<OfflineQueueContextValue | null>(null);

/**
 * Runs the account's offline queue: starts it (app start), follows the network (NetInfo) and the
 * app's foreground state, and turns rejected changes into notices the UI shows.
 */
export function OfflineQueueProvider({ queue, children }: { queue: OfflineQueue; children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    const offEvents = queue.onEvent((event: QueueEvent) => {
      if (event.type === 'rejected') {
        setNotices((n) => [...n, { id: event.item.clientMutationId, message: event.reason }]);
      }
    });
    const offNet = NetInfo.addEventListener((state) => {
      queue.setOnline(state.isConnected !== false && state.isInternetReachable !== false);
    });
    const appState = AppState.addEventListener('change', (s) => {
      if (s === 'active') queue.retryNow();
    });
    void queue.start();
    return () => {
      offEvents();
      offNet?.();
      appState.remove();
      queue.stop();
    };
  }, [queue]);

  const dismissNotice = useCallback((id: string) => setNotices((n) => n.filter((x) => x.id !== id)), []);
  const value = useMemo(() => ({ queue, notices, dismissNotice }), [queue, notices, dismissNotice]);
  return <OfflineQueueContext.Provider value={value}>{children}</OfflineQueueContext.Provider>;
}

export function useOfflineQueue(): OfflineQueue {
  return useContextValue().queue;
}

export function useQueueState(): QueueState {
  const { queue } = useContextValue();
  return useSyncExternalStore(queue.subscribe, queue.getState, queue.getState);
}

/** "3 sets waiting to sync", or null when nothing waits. */
export function pendingSummary(state: QueueState): string | null {
  const n = state.items.length;
  if (n === 0) return null;
  const what = n === 1 ? '1 change' : `${n} changes`;
  const sets = state.items.every((i) => i.kind === 'logSet') ? (n === 1 ? '1 set' : `${n} sets`) : what;
  if (state.pausedForAuth) return `${sets} waiting: sign in again to sync`;
  if (!state.online) return `${sets} waiting to sync (offline)`;
  return `${sets} waiting to sync`;
}

export function useQueueNotices() {
  const { notices, dismissNotice } = useContextValue();
  return { notices, dismissNotice };
}

function useContextValue(): OfflineQueueContextValue {
  const value = useContext(OfflineQueueContext);
  if (!value) throw new Error('Offline queue used outside OfflineQueueProvider');
  return value;
}
