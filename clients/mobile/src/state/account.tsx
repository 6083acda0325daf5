import AsyncStorage from '@react-native-async-storage/async-storage';
import { useEffect, useMemo, type ReactNode } from 'react';
import { NetworkProvider, createAccountNetwork, type AccountNetwork } from '#/lib/network';
import { uuid } from '#/lib/uuid';
import { OfflineQueueProvider } from '#/offline/OfflineQueueProvider';
import { OfflineQueue } from '#/offline/queue';
import { queueStorageKey } from '#/offline/schema';
import { createQueueSend } from '#/offline/send';
import { useSession, type Account } from '#/state/session';

/**
 * Everything that belongs to one signed-in account: its GraphQL client and caches, its WebSocket,
 * and its offline queue (stored under the account's id, so one user's unsynced sets are never sent
 * with another user's cookie). Signing out unmounts it all.
 */
export function AccountProviders({ account, children, network, queue }: {
  account: Account;
  children: ReactNode;
  network?: AccountNetwork;
  queue?: OfflineQueue;
}) {
  const { refresh } = useSession();
  const net = useMemo(() => network ?? createAccountNetwork(account.id, { storage: AsyncStorage }), [network, account.id]);
  const q = useMemo(
    () =>
      queue ??
      new OfflineQueue({
        storage: AsyncStorage,
        storageKey: queueStorageKey(account.id),
        send: createQueueSend(net.transport),
        uuid,
      }),
    [queue, net, account.id],
  );

  // The BFF refused the queue's call as signed out: ask who we are. Signed out → the sign-in screen
  // replaces all this, and the queue resumes from storage after signing in. Still signed in (a
  // passing 401) → try the queue again a little later.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = q.onEvent((e) => {
      if (e.type !== 'paused') return;
      void refresh().then(() => {
        clearTimeout(timer);
        timer = setTimeout(() => q.resume(), 30_000);
      });
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [q, refresh]);

  return (
    <NetworkProvider network={net}>
      <OfflineQueueProvider queue={q}>{children}</OfflineQueueProvider>
    </NetworkProvider>
  );
}
