import { act, renderHook, waitFor } from '@testing-library/react-native';
import type { ReactNode } from 'react';
import { memoryStorage } from '#/test-utils/app';
import { SessionProvider, useSession } from '#/state/session';
import type { Account, AuthApi } from '#/state/session/api';
import { REMEMBERED_ACCOUNT_KEY, loadRememberedAccount } from '#/state/session/remembered';

const alex: Account = { id: 'a7b1e7a0-0000-4000-8000-000000000001', name: 'Alex Athlete', role: 'ATHLETE', expiresAt: null };

function api(user: () => Promise<Account | null>): AuthApi {
  return { user, login: async () => undefined, signUp: async () => undefined, logout: async () => undefined };
}

const offline = () => Promise.reject(new TypeError('Network request failed'));

async function render(auth: AuthApi, storage = memoryStorage()) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <SessionProvider api={auth} storage={storage}>
      {children}
    </SessionProvider>
  );
  return { ...(await renderHook(() => useSession(), { wrapper })), storage };
}

describe('the session on a phone without network', () => {
  it('opens as the account last signed in on this device, marked offline', async () => {
    const storage = memoryStorage();
    const online = await render(api(async () => alex), storage);
    await waitFor(() => expect(online.result.current.state).toEqual({ status: 'signedIn', account: alex }));
    expect(await loadRememberedAccount(storage)).toEqual(alex);
    await online.unmount();

    const { result } = await render(api(offline), storage);

    await waitFor(() => expect(result.current.state).toEqual({ status: 'signedIn', account: alex, offline: true }));
  });

  it('asks to sign in when nobody was signed in on this device', async () => {
    const { result } = await render(api(offline));

    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'signedOut', error: 'Network request failed' }));
  });

  it('forgets the account when the BFF says the session is over, and on sign-out', async () => {
    const storage = memoryStorage();
    let user: Account | null = alex;
    const { result } = await render(api(async () => user), storage);
    await waitFor(() => expect(result.current.state.status).toBe('signedIn'));

    user = null;
    await act(() => result.current.refresh());
    expect(result.current.state).toEqual({ status: 'signedOut' });
    expect(await loadRememberedAccount(storage)).toBeNull();

    user = alex;
    await act(async () => void (await result.current.signIn('athlete@demo.workouttracker.dev', 'athlete-demo')));
    expect(await loadRememberedAccount(storage)).toEqual(alex);
    await act(() => result.current.signOut());
    expect(result.current.state).toEqual({ status: 'signedOut' });
    expect(storage.data.get(REMEMBERED_ACCOUNT_KEY)).toContain('"account":null');
  });
});
