/**
 * THE fetch wrapper: every HTTP call of the app (BFF management endpoints and /graphql) goes through
 * here. It sends the session cookie (`credentials: 'include'`) and the anti-forgery header the BFF
 * requires on every call (`X-CSRF: 1`). Nothing else in the app calls `fetch` directly.
 */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface BffRequestInit extends Omit<RequestInit, 'headers' | 'credentials'> {
  headers?: Record<string, string>;
}

export type BffFetch = (path: string, init?: BffRequestInit) => Promise<Response>;

export const CSRF_HEADER = 'X-CSRF';

export function createBffFetch(options: { baseUrl: string; fetchImpl?: FetchLike }): BffFetch {
  const { baseUrl } = options;
  return (path, init = {}) => {
    const fetchImpl = options.fetchImpl ?? (globalThis.fetch as FetchLike);
    return fetchImpl(baseUrl + path, {
      ...init,
      credentials: 'include',
      headers: { ...init.headers, [CSRF_HEADER]: '1' },
    });
  };
}
