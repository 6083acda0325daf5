import { createClient, type Client as WsClient } from 'graphql-ws';
import type { PersistedOperation } from '#/lib/graphql/transport';
import { BffWebSocket } from '#/lib/graphql/web-socket';

/**
 * graphql-ws client (protocol graphql-transport-ws) to the BFF's /graphql WebSocket. No token here:
 * the BFF authenticates the handshake by the session cookie and adds the user's token upstream.
 * Lazy (connects on the first subscription), reconnects with graphql-ws's own backoff.
 */
export function createSubscriptionClient(url: string): WsClient {
  return createClient({
    url,
    lazy: true,
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: () => true,
    keepAlive: 15_000,
    webSocketImpl: BffWebSocket,
  });
}

/**
 * The subscribe payload of a persisted operation. The protocol requires `query`, so the exact
 * manifest text goes with its hash (Apollo's persistedQuery extension); a BFF that allowlists by
 * hash can check that the two match.
 */
export function subscribePayload(op: PersistedOperation, variables: Record<string, unknown> | undefined) {
  return {
    operationName: op.name,
    query: op.document,
    variables: variables ?? {},
    extensions: { persistedQuery: { version: 1, sha256Hash: op.id.replace(/^sha256:/, '') } },
  };
}

/**
 * A subscribe payload that resumes where it left off. graphql-ws sends the very same payload object
 * again when it re-subscribes after a reconnect; its `variables` are read at that moment, so once an
 * event was received they carry `after: <that event's cursor>` and the server replays what was missed
 * (no gap, no duplicate) before going on live. `remember` is fed every result.
 */
export function resumablePayload(op: PersistedOperation, variables: Record<string, unknown> | undefined) {
  const base = subscribePayload(op, variables);
  let after: string | undefined;
  // A getter defined on the object itself (a spread next to a getter would copy its value once).
  const payload = Object.defineProperty({ ...base }, 'variables', {
    enumerable: true,
    get: (): Record<string, unknown> => (after ? { ...base.variables, after } : base.variables),
  });
  return {
    payload,
    /** Keeps the cursor of the event in `result` (the `cursor` of its root field), if it has one. */
    remember(result: { data?: Record<string, unknown> | null } | null | undefined) {
      const root = result?.data ? Object.values(result.data)[0] : undefined;
      const cursor = root && typeof root === 'object' ? (root as { cursor?: unknown }).cursor : undefined;
      if (typeof cursor === 'string') after = cursor;
    },
    get cursor() {
      return after;
    },
  };
}
