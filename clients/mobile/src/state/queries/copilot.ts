import { useLiveQuery } from '#/lib/network';
import { operations } from '#/state/queries/operations';
import type { CopilotSuggestion, ID } from '#/state/queries/types';

export const copilotKey = (sessionId: ID) => ['copilot', sessionId] as const;

export function useCopilotQuery(sessionId: ID | null) {
  return useLiveQuery<{ copilot: CopilotSuggestion }>({
    query: operations.Copilot.document,
    variables: { sessionId: sessionId ?? '' },
    pause: !sessionId,
  });
}
