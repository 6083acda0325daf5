import { useCallback } from 'react';
import { useMutation } from 'urql';
import { useLiveQuery, useRevalidate } from '#/lib/network';
import { uuid } from '#/lib/uuid';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';

export const coachLinksKey = ['coachLinks'] as const;

export type CoachLink = ResultOf<'CoachLinks'>['coachLinks'][number];

/** The signed-in user's coach links (either side) and the requests sent to their email. */
export function useCoachLinksQuery() {
  return useLiveQuery<ResultOf<'CoachLinks'>, VariablesOf<'CoachLinks'>>({ query: operations.CoachLinks.document });
}

/**
 * Invite by email, accept, or end (also decline or withdraw a pending request); each refetches the links, and an
 * accepted or ended link changes who a coach sees, so every query on screen revalidates too (the athlete list;
 * answers of persisted operations carry no __typename for urql's cache to connect them).
 */
export function useCoachLinkActions() {
  const [, refetch] = useCoachLinksQuery();
  const revalidate = useRevalidate();
  const [requestState, request] = useMutation<ResultOf<'RequestCoachLink'>, VariablesOf<'RequestCoachLink'>>(operations.RequestCoachLink.document);
  const [acceptState, accept] = useMutation<ResultOf<'AcceptCoachLink'>, VariablesOf<'AcceptCoachLink'>>(operations.AcceptCoachLink.document);
  const [endState, end] = useMutation<ResultOf<'EndCoachLink'>, VariablesOf<'EndCoachLink'>>(operations.EndCoachLink.document);
  const after = useCallback(<T,>(result: T) => {
    refetch({ requestPolicy: 'network-only' });
    revalidate(); // the coach's athlete list, and whatever else on screen depends on who is linked
    return result;
  }, [refetch, revalidate]);
  return {
    fetching: requestState.fetching || acceptState.fetching || endState.fetching,
    invite: async (email: string) => after(await request({ input: { clientMutationId: uuid(), email } })),
    accept: async (linkId: string) => after(await accept({ input: { clientMutationId: uuid(), linkId } })),
    end: async (linkId: string) => after(await end({ input: { clientMutationId: uuid(), linkId } })),
  };
}
