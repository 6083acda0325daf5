import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { SignInError, type Account, type AuthApi } from '#/state/session/api';

export type { Account } from '#/state/session/api';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; error?: string }
  | { status: 'signedIn'; account: Account };

interface SessionContextValue {
  state: SessionState;
  signIn(email: string, password: string): Promise<boolean>;
  signOut(): Promise<void>;
  /** Ask the BFF again (e.g. after a 401 from /graphql). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** The BFF cookie session: the app never sees a token, only whether /bff/user says who we are. */
export function SessionProvider({ api, children, initial }: { api: AuthApi; children: ReactNode; initial?: SessionState }) {
  const [state, setState] = useState<SessionState>(initial ?? { status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const account = await api.user();
      setState(account ? { status: 'signedIn', account } : { status: 'signedOut' });
    } catch (error) {
      setState({ status: 'signedOut', error: error instanceof Error ? error.message : 'Could not reach the server.' });
    }
  }, [api]);

  useEffect(() => {
    if (!initial) void refresh();
  }, [initial, refresh]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      try {
        await api.login(email, password);
        const account = await api.user();
        if (!account) throw new SignInError('Signed in, but the server does not know who you are.');
        setState({ status: 'signedIn', account });
        return true;
      } catch (error) {
        setState({ status: 'signedOut', error: error instanceof Error ? error.message : 'Could not sign in.' });
        return false;
      }
    },
    [api],
  );

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setState({ status: 'signedOut' });
    }
  }, [api]);

  const value = useMemo(() => ({ state, signIn, signOut, refresh }), [state, signIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
