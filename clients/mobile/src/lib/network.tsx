/**
 * Network and cache policy, in one place:
 * - one urql client, ETag cache and WebSocket per signed-in account (users never share a cache);
 * - queries are `cache-and-network`: the last answer shows at once and is revalidated with
 *   If-None-Match (a 304 keeps the very same data object, so nothing re-renders);
 * - without network a query answers the last answer it kept, which is also stored, so the app
 *   opened offline shows what the phone last saw;
 * - when the app comes back to the foreground or the network returns, active queries revalidate
 *   and the offline queue drains (see OfflineQueueProvider).
 */
import NetInfo from '@react-native-community/netinfo';
import { Client, Provider, cacheExchange, subscriptionExchange, useQuery, type AnyVariables, type UseQueryArgs } from 'urql';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { AppState } from 'react-native';
import { config, graphqlWebSocketUrl } from '#/lib/config';
import { createBffFetch, type BffFetch, type FetchLike } from '#/lib/http';
import { EtagCache } from '#/lib/graphql/etag-cache';
import { answersStorageKey, keepAnswersStored } from '#/lib/graphql/stored-answers';
import { persistedOperationsExchange } from '#/lib/graphql/exchange';
import { createSubscriptionClient, resumablePayload } from '#/lib/graphql/subscriptions';
import { createGraphQLTransport, type GraphQLResponse, type GraphQLTransport } from '#/lib/graphql/transport';
import { operationByName } from '#/state/queries/operations';
import type { StorageLike } from '#/state/persisted/versioned';

export interface AccountNetwork {
  accountId: string;
  transport: GraphQLTransport;
  client: Client;
  dispose(): void;
}

/** The BFF fetch wrapper the whole app uses (sign-in included). */
export function bffFetch(fetchImpl?: FetchLike): BffFetch {
  return createBffFetch({ baseUrl: config.bffUrl, fetchImpl });
}

export function createAccountNetwork(
  accountId: string,
  options: { fetchImpl?: FetchLike; webSocketUrl?: string | null; storage?: StorageLike } = {},
): AccountNetwork {
  const etagCache = new EtagCache<GraphQLResponse>();
  // With storage, the last answers survive an app restart (opened offline, the plan is still there).
  const stored = options.storage ? keepAnswersStored(etagCache, options.storage, answersStorageKey(accountId)) : null;
  const transport = createGraphQLTransport({
    fetch: bffFetch(options.fetchImpl),
    etagCache,
    path: config.graphqlPath,
    cacheReady: stored?.ready,
  });
  const wsUrl = options.webSocketUrl === undefined ? graphqlWebSocketUrl() : options.webSocketUrl;
  const ws = wsUrl ? createSubscriptionClient(wsUrl) : null;

  const client = new Client({
    url: config.bffUrl + config.graphqlPath, // informational: the exchanges below do the sending
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      subscriptionExchange({
        forwardSubscription(_request, operation) {
          return {
            subscribe(sink) {
              const op = operationByName(getName(operation.query));
              if (!ws || !op) {
                sink.error(new Error('Live updates are not available.'));
                return { unsubscribe() {} };
              }
              // Resumes with the last event's cursor after a drop (graphql-ws re-subscribes with this payload).
              const resumable = resumablePayload(op, operation.variables as Record<string, unknown>);
              const dispose = ws.subscribe(resumable.payload, {
                next(result: Parameters<typeof sink.next>[0]) {
                  resumable.remember(result as { data?: Record<string, unknown> | null });
                  sink.next(result);
                },
                error: (error: unknown) => sink.error(error as never),
                complete: () => sink.complete(),
              } as never);
              return { unsubscribe: dispose };
            },
          };
        },
      }),
      persistedOperationsExchange({ transport, lookup: operationByName }),
    ],
  });

  return {
    accountId,
    transport,
    client,
    dispose() {
      stored?.dispose();
      void ws?.dispose();
    },
  };
}

function getName(doc: { definitions: readonly unknown[] }): string | undefined {
  for (const d of doc.definitions as { kind: string; name?: { value: string } }[]) {
    if (d.kind === 'OperationDefinition') return d.name?.value;
  }
  return undefined;
}

/** Provides the account's urql client; a new account gets a new client (and cache). */
export function NetworkProvider({ network, children }: { network: AccountNetwork; children: ReactNode }) {
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    // Revalidate what is on screen when the app returns to the foreground or the network comes back.
    let wasConnected: boolean | null = null;
    const unsubscribeNet = NetInfo.addEventListener((state) => {
      const connected = state.isConnected !== false && state.isInternetReachable !== false;
      if (wasConnected === false && connected) setGeneration((g) => g + 1);
      wasConnected = connected;
    });
    const appState = AppState.addEventListener('change', (s) => {
      if (s === 'active') setGeneration((g) => g + 1);
    });
    return () => {
      unsubscribeNet?.();
      appState.remove();
    };
  }, [network]);

  useEffect(() => () => network.dispose(), [network]);

  const value = useMemo(() => network.client, [network]);
  const revalidate = useCallback(() => setGeneration((g) => g + 1), []);
  return (
    <RevalidateContext.Provider value={revalidate}>
      <RevalidationContext.Provider value={generation}>
        <Provider value={value}>{children}</Provider>
      </RevalidationContext.Provider>
    </RevalidateContext.Provider>
  );
}

const RevalidationContext = createContext(0);

const RevalidateContext = createContext<() => void>(() => undefined);

/**
 * Asks every query on screen to revalidate (cheap: ETag/304 for what did not change): after a change that the
 * server derives other answers from, e.g. a profile change regenerating the plan. Answers of persisted operations
 * carry no __typename, so urql's document cache cannot tell which ones a mutation made stale.
 */
export function useRevalidate(): () => void {
  return useContext(RevalidateContext);
}

/** Changes whenever screens should revalidate (app foreground, network back). Use as an effect dependency. */
export function useRevalidationSignal(): number {
  return useContext(RevalidationContext);
}

/**
 * useQuery with the app's policy: cache-and-network, plus a network revalidation (cheap: ETag/304)
 * whenever the app returns to the foreground or the network comes back.
 */
export function useLiveQuery<Data = unknown, Variables extends AnyVariables = AnyVariables>(args: UseQueryArgs<Variables, Data>) {
  const [result, reexecute] = useQuery<Data, Variables>(args);
  const signal = useRevalidationSignal();
  useEffect(() => {
    if (signal > 0 && !args.pause) reexecute({ requestPolicy: 'network-only' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signal]);
  return [result, reexecute] as const;
}
