/**
 * The AI coach chat. PENDING: the contract this build was generated from (schema/schema.graphql) has
 * no `coach` query yet; it is being added on the server. Until schema/operations/Coach.graphql is in
 * the manifest, `useCoachChat` reports `pending` and sends nothing (no placeholder answers). Once it
 * lands: `npm run codegen`, then type `CoachReply` from ResultOf<'Coach'>.
 */
import { useCallback, useState } from 'react';
import { useClient } from 'urql';
import type { ID } from '#/lib/graphql/scalars';
import { operationByName } from '#/state/queries/operations';

export const coachKey = (question: string, athleteId?: ID) => ['coach', question, athleteId ?? 'me'] as const;

/** The answer's shape as the server's branch has it (answer, citations, tool calls). */
export interface CoachReply {
  answer: string;
  citations: { kind: string; ref: string; value: string }[];
  toolCalls: string[];
}

export interface CoachExchange {
  id: string;
  question: string;
  reply: CoachReply | null;
  error: string | null;
}

/** True when the manifest has the Coach operation (the server offers the coach). */
export const coachAvailable = (): boolean => operationByName('Coach') !== undefined;

/** The chat: each question is one `coach` query; answers stay in the screen's memory only. */
export function useCoachChat(athleteId?: ID) {
  const client = useClient();
  const [exchanges, setExchanges] = useState<CoachExchange[]>([]);
  const [asking, setAsking] = useState(false);
  const pending = !coachAvailable();

  const ask = useCallback(
    async (question: string) => {
      const op = operationByName('Coach');
      if (!op) return;
      const id = `${Date.now()}-${Math.random()}`;
      setExchanges((x) => [...x, { id, question, reply: null, error: null }]);
      setAsking(true);
      const result = await client
        .query<{ coach: CoachReply }>(op.document, { question, ...(athleteId ? { athleteId } : {}) }, { requestPolicy: 'network-only' })
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
  return { exchanges, ask, asking, pending };
}
