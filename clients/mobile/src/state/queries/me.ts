import { useLiveQuery } from '#/lib/network';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';

export const meKey = ['me'] as const;

export type User = ResultOf<'Me'>['me'];
export type Role = User['role'];

export function useMeQuery() {
  return useLiveQuery<ResultOf<'Me'>, VariablesOf<'Me'>>({ query: operations.Me.document });
}
