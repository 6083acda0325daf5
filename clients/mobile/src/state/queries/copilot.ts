/**
 * The session Copilot (next set, rest, swap). PENDING: the contract this build was generated from
 * (schema/schema.graphql) has no `copilot` query yet; it is being added on the server. Until
 * schema/operations/Copilot.graphql is in the manifest, `useCopilotQuery` reports `pending` and sends
 * nothing (no placeholder suggestions). Once it lands: `npm run codegen`, then type
 * `CopilotSuggestion` from ResultOf<'Copilot'>.
 */
import { useQuery } from 'urql';
import type { ID } from '#/lib/graphql/scalars';
import { operationByName } from '#/state/queries/operations';

export const copilotKey = (sessionId: ID) => ['copilot', sessionId] as const;

/** The suggestion's shape as the server's branch has it. */
export interface CopilotSuggestion {
  nextSet: { exerciseId: ID; loadKg: number; reps: number; rpe: number | null } | null;
  restSeconds: number | null;
  swap: { exerciseId: ID; name: string } | null;
  rationale: string;
}

/** True when the manifest has the Copilot operation (the server offers the copilot). */
export const copilotAvailable = (): boolean => operationByName('Copilot') !== undefined;

export function useCopilotQuery(sessionId: ID | null) {
  const op = operationByName('Copilot');
  const [result, reexecute] = useQuery<{ copilot: CopilotSuggestion }>({
    query: op?.document ?? 'query Copilot { __typename }',
    variables: { sessionId: sessionId ?? '' },
    pause: !sessionId || !op,
  });
  return { suggestion: op ? result.data?.copilot : undefined, pending: !op, refetch: reexecute };
}
