/**
 * Plan proposals: changes the coach (or the athlete's coach, by hand) proposes to a week, reviewed as a
 * diff and applied only when the athlete accepts them. A decision is one `decidePlanProposal` mutation
 * with a clientMutationId made once when the athlete presses; after it every query on screen revalidates
 * (the week's plan changed, so its ETag did).
 */
import { useCallback, useState } from 'react';
import { useMutation } from 'urql';
import { useLiveQuery, useRevalidate } from '#/lib/network';
import type { ID } from '#/lib/graphql/scalars';
import { uuid } from '#/lib/uuid';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';

export const planProposalHistoryKey = (athleteId?: ID) => ['planProposalHistory', athleteId ?? 'me'] as const;

export type PlanProposal = ResultOf<'PlanProposalHistory'>['planProposalHistory'][number];
export type ProposalItem = PlanProposal['items'][number];
export type ProposedTargets = NonNullable<ProposalItem['before']>;

/** "3×5 @ 60 kg (RPE 8)": an exercise's targets on the day. */
export function describeTargets(t: ProposedTargets | null | undefined): string {
  if (!t) return '—';
  const reps = t.repsMin === t.repsMax ? `${t.repsMin}` : `${t.repsMin}–${t.repsMax}`;
  const load = t.load > 0 ? ` @ ${Number(t.load.toFixed(2))} ${t.unit === 'LB' ? 'lb' : 'kg'}` : '';
  return `${t.sets}×${reps}${load}${t.rpe != null ? ` (RPE ${t.rpe})` : ''}`;
}

export function usePlanProposalHistory(first = 10, athleteId?: ID) {
  return useLiveQuery<ResultOf<'PlanProposalHistory'>, VariablesOf<'PlanProposalHistory'>>({
    query: operations.PlanProposalHistory.document,
    variables: { first, ...(athleteId ? { athleteId } : {}) },
  });
}

/** Accept some (or all, or none) of a proposal's items; the answer is the proposal as decided. */
export function useDecideProposal() {
  const revalidate = useRevalidate();
  const [state, decide] = useMutation<ResultOf<'DecidePlanProposal'>, VariablesOf<'DecidePlanProposal'>>(operations.DecidePlanProposal.document);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (proposalId: ID, acceptedItems: number[]) => {
      const result = await decide({ input: { clientMutationId: uuid(), proposalId, acceptedItems } });
      const code = result.error?.graphQLErrors[0]?.extensions?.code;
      setError(
        code === 'PROPOSAL_STALE'
          ? 'Your plan changed since the coach proposed this: ask again for a new proposal.'
          : result.error
            ? result.error.message.replace(/^\[\w+\] /, '')
            : null,
      );
      revalidate();
      return result.data?.decidePlanProposal.proposal ?? null;
    },
    [decide, revalidate],
  );
  return { decide: run, deciding: state.fetching, error };
}
