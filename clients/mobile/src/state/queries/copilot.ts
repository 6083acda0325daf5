/**
 * The session Copilot: the next set (from the plan, the progression engine and today's sets), the
 * rest before it, and a swap when equipment is taken. The `copilot` query gives the current
 * suggestion; `copilotUpdated` pushes a fresh one after every set the server records. Whichever was
 * made from the newer session version is shown; when the session moves on and no push came (no
 * socket), the query is asked again. `equipmentTaken` (what the athlete says is busy right now) goes
 * to both, so the suggestion swaps an exercise that needs it.
 */
import { useEffect, useMemo } from 'react';
import { useSubscription } from 'urql';
import { useLiveQuery } from '#/lib/network';
import type { ID } from '#/lib/graphql/scalars';
import type { Equipment } from '#/state/queries/generated';
import { operations, type ResultOf, type VariablesOf } from '#/state/queries/operations';

export type CopilotSuggestion = ResultOf<'Copilot'>['copilot'];

/** The newer of two suggestions (by the session version they were made from). */
export function newerSuggestion(a: CopilotSuggestion | undefined, b: CopilotSuggestion | undefined): CopilotSuggestion | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.sessionVersion > a.sessionVersion ? b : a;
}

/** `sessionId` null pauses it (a finished session, a coach's read-only view). */
export function useCopilot(sessionId: ID | null, sessionVersion: number | undefined, equipmentTaken: readonly Equipment[] = []) {
  // Nothing taken sends no argument at all, so the usual request (and its cache entry) stays the same.
  const variables = useMemo(
    () => ({ sessionId: sessionId ?? '', ...(equipmentTaken.length > 0 ? { equipmentTaken: [...equipmentTaken].sort() } : {}) }),
    [sessionId, equipmentTaken],
  );
  const [query, refetch] = useLiveQuery<ResultOf<'Copilot'>, VariablesOf<'Copilot'>>({
    query: operations.Copilot.document,
    variables,
    pause: !sessionId,
  });
  const [pushed] = useSubscription<ResultOf<'CopilotUpdated'>, ResultOf<'CopilotUpdated'>, VariablesOf<'CopilotUpdated'>>({
    query: operations.CopilotUpdated.document,
    variables,
    pause: !sessionId,
  });
  const suggestion = useMemo(
    () => newerSuggestion(query.data?.copilot, pushed.data?.copilotUpdated),
    [query.data, pushed.data],
  );

  useEffect(() => {
    if (sessionId && sessionVersion !== undefined && suggestion && suggestion.sessionVersion < sessionVersion) {
      refetch({ requestPolicy: 'network-only' });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId, sessionVersion]);

  return { suggestion, error: query.error };
}
