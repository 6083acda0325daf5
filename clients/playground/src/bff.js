/**
 * THE fetch wrapper of the playground: every call to the BFF sends the session cookie
 * (`credentials: 'include'`) and the anti-forgery header the BFF requires (`X-CSRF: 1`). The playground
 * never sees a token: the BFF adds the user's token when it forwards /graphql to the server.
 */
export const CSRF_HEADER = 'X-CSRF';

export function bffFetch(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set(CSRF_HEADER, '1');
  return fetch(input, { ...init, headers, credentials: 'include' });
}

/** The signed-in user ({ sub, name, role, claims, expiresAt }), or null when signed out. */
export async function currentUser() {
  const response = await bffFetch('/bff/user', { headers: { Accept: 'application/json' } });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`/bff/user answered ${response.status}`);
  return response.json();
}

export async function signIn(email, password) {
  const response = await bffFetch('/bff/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status === 401 || response.status === 400) throw new Error('Wrong email or password.');
  if (!response.ok) throw new Error(`Sign-in failed (${response.status}).`);
  return response.json();
}

export async function signOut() {
  await bffFetch('/bff/logout', { method: 'POST' });
}

/** ws(s)://<this origin>/graphql: the browser sends the session cookie on the handshake and the BFF checks its Origin. */
export function graphqlWebSocketUrl() {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}
