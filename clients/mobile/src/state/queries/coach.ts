/**
 * The AI coach chat: each question is one `coach` query (network-only: answers are not cached), with
 * the citations the answer is based on. The server answers with its built-in offline coach when no
 * model is configured (`source: OFFLINE`). Asked what to change, it also proposes changes to next week
 * (`proposal`, shown as a diff the athlete accepts line by line: see proposals.ts).
 */
import { useCallback, useState } from 'react';
import { useClient } from 'urql';
import type { ID } from '#/lib/graphql/scalars';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';

export const coachKey = (question: string, athleteId?: ID) => ['coach', question, athleteId ?? 'me'] as const;

export type CoachReply = ResultOf<'CoachProposal'>['coach'];
export type Citation = CoachReply['citations'][number];

export interface CoachExchange {
  id: string;
  question: string;
  reply: CoachReply | null;
  error: string | null;
}

/** The chat; answers stay in the screen's memory only. */
export function useCoachChat(athleteId?: ID) {
  const client = useClient();
  const [exchanges, setExchanges] = useState<CoachExchange[]>([]);
  const [asking, setAsking] = useState(false);

  const ask = useCallback(
    async (question: string) => {
      const id = `${Date.now()}-${Math.random()}`;
      setExchanges((x) => [...x, { id, question, reply: null, error: null }]);
      setAsking(true);
      const result = await client
        .query<ResultOf<'CoachProposal'>, VariablesOf<'CoachProposal'>>(operations.CoachProposal.document, { question, ...(athleteId ? { athleteId } : {}) }, { requestPolicy: 'network-only' })
        .toPromise();
      setAsking(false);
      setExchanges((x) =>
        x.map((e) =>
          e.id === id
            ? { ...e, reply: result.data?.coach ?? null, error: result.error ? result.error.message.replace(/^\[\w+\] /, '') : null }
            : e,
        ),
      );
    },
    [client, athleteId],
  );
  return { exchanges, ask, asking };
}
