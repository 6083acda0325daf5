import AsyncStorage from '@react-native-async-storage/async-storage';
import NetInfo from '@react-native-community/netinfo';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { forgetStoredAnswers } from '#/lib/graphql/stored-answers';
import type { StorageLike } from '#/state/persisted/versioned';
import { SignInError, SignUpError, type Account, type AuthApi, type FieldErrors, type SignUpDetails } from '#/state/session/api';
import { loadRememberedAccount, rememberAccount } from '#/state/session/remembered';

export type { Account } from '#/state/session/api';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; error?: string }
  /** `offline`: the BFF could not be reached, so this is the account last signed in on this device. */
  | { status: 'signedIn'; account: Account; offline?: boolean; onboarding?: boolean };

interface SessionContextValue {
  state: SessionState;
  signIn(email: string, password: string): Promise<boolean>;
  /** Creates the account and signs it in; resolves to the server's field errors when it refused, else null. */
  signUp(details: SignUpDetails): Promise<FieldErrors | null>;
  signOut(): Promise<void>;
  /** The new account has set up its training: show the app. */
  finishOnboarding(): void;
  /** Ask the BFF again (e.g. after a 401 from /graphql). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * The BFF cookie session: the app never sees a token, only whether /bff/user says who we are. When
 * the BFF cannot be reached, the account last signed in on this device is used (offline), and asked
 * about again as soon as the network is back.
 */
export function SessionProvider({
  api,
  children,
  initial,
  storage = AsyncStorage,
}: {
  api: AuthApi;
  children: ReactNode;
  initial?: SessionState;
  storage?: StorageLike;
}) {
  const [state, setState] = useState<SessionState>(initial ?? { status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const account = await api.user();
      setState(account ? { status: 'signedIn', account } : { status: 'signedOut' });
      await rememberAccount(storage, account);
    } catch (error) {
      const remembered = await loadRememberedAccount(storage);
      setState((current) => {
        if (current.status === 'signedIn') return { ...current, offline: true };
        if (remembered) return { status: 'signedIn', account: remembered, offline: true };
        return { status: 'signedOut', error: error instanceof Error ? error.message : 'Could not reach the server.' };
      });
    }
  }, [api, storage]);

  useEffect(() => {
    if (!initial) void refresh();
  }, [initial, refresh]);

  // Signed in from memory: ask the BFF again once the network is back.
  const offline = state.status === 'signedIn' && state.offline === true;
  useEffect(() => {
    if (!offline) return undefined;
    return NetInfo.addEventListener((net) => {
      if (net.isConnected !== false && net.isInternetReachable !== false) void refresh();
    });
  }, [offline, refresh]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      try {
        await api.login(email, password);
        const account = await api.user();
        if (!account) throw new SignInError('Signed in, but the server does not know who you are.');
        setState({ status: 'signedIn', account });
        await rememberAccount(storage, account);
        return true;
      } catch (error) {
        setState({ status: 'signedOut', error: error instanceof Error ? error.message : 'Could not sign in.' });
        return false;
      }
    },
    [api, storage],
  );

  const signUp = useCallback(
    async (details: SignUpDetails) => {
      try {
        await api.signUp(details);
        const account = await api.user();
        if (!account) throw new SignInError('Signed up, but the server does not know who you are.');
        setState({ status: 'signedIn', account, onboarding: true });
        await rememberAccount(storage, account);
        return null;
      } catch (error) {
        setState({ status: 'signedOut', error: error instanceof Error ? error.message : 'Could not create the account.' });
        return error instanceof SignUpError ? error.fields : {};
      }
    },
    [api, storage],
  );

  const signOut = useCallback(async () => {
    const accountId = state.status === 'signedIn' ? state.account.id : null;
    try {
      await rememberAccount(storage, null);
      if (accountId) await forgetStoredAnswers(storage, accountId);
      await api.logout();
    } finally {
      setState({ status: 'signedOut' });
    }
  }, [api, storage, state]);

  const finishOnboarding = useCallback(() => setState((s) => (s.status === 'signedIn' ? { ...s, onboarding: false } : s)), []);

  const value = useMemo(
    () => ({ state, signIn, signUp, signOut, finishOnboarding, refresh }),
    [state, signIn, signUp, signOut, finishOnboarding, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
