import type { BffFetch } from '#/lib/http';
import { EtagCache } from '#/lib/graphql/etag-cache';

/** The wire shape of a GraphQL response. */
export interface GraphQLErrorLike {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export interface GraphQLResponse<TData = unknown> {
  data?: TData | null;
  errors?: GraphQLErrorLike[];
  extensions?: Record<string, unknown>;
}

/** A persisted operation: its name, its id (`sha256:<hex>` of the exact document text) and kind. */
export interface PersistedOperation {
  name: string;
  id: string;
  document: string;
  kind: 'query' | 'mutation' | 'subscription';
}

export interface TransportResult<TData = unknown> {
  /** HTTP status of the exchange (304 when answered from the ETag cache; 0 when the network failed and the last answer was used). */
  status: number;
  body: GraphQLResponse<TData>;
}

export interface GraphQLTransport {
  /**
   * Persisted query over GET, revalidated with If-None-Match. On network failure it answers the last
   * data it kept for the operation and variables (status 0), and throws when it has none.
   */
  query<TData = unknown>(op: PersistedOperation, variables?: object): Promise<TransportResult<TData>>;
  /** Persisted mutation over POST `{ documentId, variables, operationName }`. */
  mutate<TData = unknown>(op: PersistedOperation, variables?: object): Promise<TransportResult<TData>>;
}

const ACCEPT = 'application/graphql-response+json, application/json;q=0.9';

/**
 * GraphQL over HTTP with persisted operations, through the one BFF fetch wrapper.
 * Queries: `GET <path>?documentId=sha256:<hex>&operationName=<name>&variables=<json>`.
 * Mutations: `POST <path>` with `{ documentId, operationName, variables }`.
 */
export function createGraphQLTransport(options: {
  fetch: BffFetch;
  etagCache?: EtagCache<GraphQLResponse>;
  path?: string;
  /** Resolves once the ETag cache holds what was stored (queries wait for it, so offline they find it). */
  cacheReady?: Promise<void>;
}): GraphQLTransport {
  const path = options.path ?? '/graphql';
  const etags = options.etagCache ?? new EtagCache<GraphQLResponse>();

  return {
    async query(op, variables) {
      const vars = variables ?? {};
      const params = [
        `documentId=${encodeURIComponent(op.id)}`,
        `operationName=${encodeURIComponent(op.name)}`,
      ];
      if (Object.keys(vars).length > 0) params.push(`variables=${encodeURIComponent(JSON.stringify(vars))}`);
      const key = EtagCache.key(op.id, vars);
      if (options.cacheReady) await options.cacheReady;
      const cached = etags.get(key);
      const headers: Record<string, string> = { Accept: ACCEPT };
      if (cached?.etag) headers['If-None-Match'] = cached.etag;

      let response: Response;
      try {
        response = await options.fetch(`${path}?${params.join('&')}`, { method: 'GET', headers });
      } catch (networkError) {
        // Offline: what the phone last saw (e.g. this week's plan) beats an error screen.
        if (cached) return { status: 0, body: cached.value as GraphQLResponse<never> };
        throw networkError;
      }
      if (response.status === 304 && cached?.etag) {
        return { status: 304, body: cached.value as GraphQLResponse<never> };
      }
      const body = await readBody(response);
      const etag = response.headers.get('ETag');
      if (response.ok && !body.errors?.length) etags.set(key, etag, body);
      else etags.delete(key);
      return { status: response.status, body: body as GraphQLResponse<never> };
    },

    async mutate(op, variables) {
      const response = await options.fetch(path, {
        method: 'POST',
        headers: { Accept: ACCEPT, 'Content-Type': 'application/json' },
        body: JSON.stringify({ documentId: op.id, operationName: op.name, variables: variables ?? {} }),
      });
      const body = await readBody(response);
      return { status: response.status, body: body as GraphQLResponse<never> };
    },
  };
}

async function readBody(response: Response): Promise<GraphQLResponse> {
  let text = '';
  try {
    text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (parsed && typeof parsed === 'object' && ('data' in parsed || 'errors' in parsed)) {
      return parsed as GraphQLResponse;
    }
  } catch {
    // not JSON: fall through to a synthetic error
  }
  return {
    errors: [{ message: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`, extensions: { code: `HTTP_${response.status}` } }],
  };
}
