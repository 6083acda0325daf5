import { useLiveQuery } from '#/lib/network';
import { operations } from '#/state/queries/operations';
import type { User } from '#/state/queries/types';

export const meKey = ['me'] as const;

export function useMeQuery() {
  return useLiveQuery<{ me: User }>({ query: operations.Me.document });
}
