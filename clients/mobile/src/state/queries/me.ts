import { useLiveQuery } from '#/lib/network';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';
import { useSession } from '#/state/session';

export const meKey = ['me'] as const;

export type User = ResultOf<'Me'>['me'];
export type Role = User['role'];

export function useMeQuery() {
  return useLiveQuery<ResultOf<'Me'>, VariablesOf<'Me'>>({ query: operations.Me.document });
}

/** The signed-in user's role: from the BFF session at once (/bff/user), else from `me`. */
export function useRole(): Role | null {
  const { state } = useSession();
  const [{ data }] = useMeQuery();
  return (state.status === 'signedIn' ? state.account.role : null) ?? data?.me.role ?? null;
}
