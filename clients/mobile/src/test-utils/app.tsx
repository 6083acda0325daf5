import { render } from '@testing-library/react-native';
import type { ReactElement } from 'react';
import { SafeAreaProvider } from 'react-native-safe-area-context';
import { createDemoServer, type DemoServer } from '#/test-utils/demo-server';
import { createAccountNetwork } from '#/lib/network';
import { OfflineQueue } from '#/offline/queue';
import { queueStorageKey } from '#/offline/schema';
import { createQueueSend } from '#/offline/send';
import { AccountProviders } from '#/state/account';
import { PreferencesProvider } from '#/state/persisted';
import type { StorageLike } from '#/state/persisted/versioned';
import { SessionProvider } from '#/state/session';
import { createAuthApi } from '#/state/session/api';
import { createBffFetch } from '#/lib/http';
import { athleteUser, coachUser } from '#/test-utils/fixtures';

export function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: async (k) => data.get(k) ?? null, setItem: async (k, v) => void data.set(k, v) };
}

/**
 * Renders a screen inside the real providers and client stack (urql + persisted-operation
 * exchange + ETag transport + offline queue) talking to the in-memory demo server.
 */
export async function renderApp(
  ui: ReactElement,
  options: { server?: DemoServer; storage?: StorageLike; uuids?: string[]; role?: 'ATHLETE' | 'COACH'; onboarding?: boolean } = {},
) {
  const server = options.server ?? createDemoServer({ role: options.role });
  const storage = options.storage ?? memoryStorage();
  const user = options.role === 'COACH' ? coachUser : athleteUser;
  const account = { id: user.id, name: user.displayName, role: user.role, expiresAt: null };
  const network = createAccountNetwork(account.id, { fetchImpl: server.fetch, webSocketUrl: null });
  let n = 0;
  const queue = new OfflineQueue({
    storage,
    storageKey: queueStorageKey(account.id),
    send: createQueueSend(network.transport),
    uuid: () => options.uuids?.[n++] ?? `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
  const api = createAuthApi(createBffFetch({ baseUrl: '', fetchImpl: server.fetch }));
  const view = await render(
    <SafeAreaProvider initialMetrics={{ frame: { x: 0, y: 0, width: 390, height: 844 }, insets: { top: 0, left: 0, right: 0, bottom: 0 } }}>
      <PreferencesProvider storage={memoryStorage()}>
        <SessionProvider api={api} initial={{ status: 'signedIn', account, onboarding: options.onboarding }}>
          <AccountProviders account={account} network={network} queue={queue}>
            {ui}
          </AccountProviders>
        </SessionProvider>
      </PreferencesProvider>
    </SafeAreaProvider>,
  );
  return { ...view, server, queue, storage, network };
}
