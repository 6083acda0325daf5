import { useCallback } from 'react';
import { useMutation } from 'urql';
import { useLiveQuery } from '#/lib/network';
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
 * accepted or ended link changes who a coach sees, so their athlete list is refetched too (it carries `Athlete`,
 * which urql's cache does not connect to `CoachLink`).
 */
export function useCoachLinkActions() {
  const [, refetch] = useCoachLinksQuery();
  const [requestState, request] = useMutation<ResultOf<'RequestCoachLink'>, VariablesOf<'RequestCoachLink'>>(operations.RequestCoachLink.document);
  const [acceptState, accept] = useMutation<ResultOf<'AcceptCoachLink'>, VariablesOf<'AcceptCoachLink'>>(operations.AcceptCoachLink.document);
  const [endState, end] = useMutation<ResultOf<'EndCoachLink'>, VariablesOf<'EndCoachLink'>>(operations.EndCoachLink.document);
  const after = useCallback(<T,>(result: T) => {
    refetch({ requestPolicy: 'network-only' });
    return result;
  }, [refetch]);
  return {
    fetching: requestState.fetching || acceptState.fetching || endState.fetching,
    invite: async (email: string) => after(await request({ input: { clientMutationId: uuid(), email } }, { additionalTypenames: ['CoachLink', 'Athlete'] })),
    accept: async (linkId: string) => after(await accept({ input: { clientMutationId: uuid(), linkId } }, { additionalTypenames: ['CoachLink', 'Athlete'] })),
    end: async (linkId: string) => after(await end({ input: { clientMutationId: uuid(), linkId } }, { additionalTypenames: ['CoachLink', 'Athlete'] })),
  };
}
