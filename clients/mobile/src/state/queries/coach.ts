import { useCallback, useState } from 'react';
import { useClient } from 'urql';
import { operations } from '#/state/queries/operations';
import type { CoachReply, ID } from '#/state/queries/types';

export const coachKey = (question: string, athleteId?: ID) => ['coach', question, athleteId ?? 'me'] as const;

export interface CoachExchange {
  id: string;
  question: string;
  reply: CoachReply | null;
  error: string | null;
}

/** The chat: each question is one `coach` query; answers stay in the screen's memory only. */
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
        .query<{ coach: CoachReply }>(operations.Coach.document, { question, ...(athleteId ? { athleteId } : {}) }, { requestPolicy: 'network-only' })
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
