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
