import { z } from 'zod';
import type { BffFetch } from '#/lib/http';
import type { Role } from '#/state/queries/generated';

/** Who is signed in, as the BFF's /bff/user says. */
export interface Account {
  id: string;
  name: string | null;
  role: Role | null;
  /** When the BFF session ends, if it says. */
  expiresAt: string | null;
}

const claim = z.object({ type: z.string(), value: z.unknown() });
const claimsArray = z.array(claim);

/**
 * /bff/user answers with claims: either Duende's array of { type, value } or an object
 * ({ sub, name, role, …, claims?: [...], expiresAt? }). Both are read here and nowhere else.
 */
export function parseBffUser(json: unknown): Account | null {
  let claims: Record<string, unknown> = {};
  let expiresAt: unknown = null;
  const asArray = claimsArray.safeParse(json);
  if (asArray.success) {
    for (const c of asArray.data) claims[c.type] ??= c.value;
  } else if (json && typeof json === 'object') {
    const obj = json as Record<string, unknown>;
    const nested = claimsArray.safeParse(obj.claims);
    if (nested.success) for (const c of nested.data) claims[c.type] ??= c.value;
    claims = { ...obj, ...claims };
    expiresAt = obj.expiresAt ?? obj.sessionExpiresAt ?? null;
  } else {
    return null;
  }
  const id = claims.sub ?? claims.id ?? claims.userId;
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  const roleRaw = claims.role ?? claims['http://schemas.microsoft.com/ws/2008/06/identity/claims/role'];
  const role = typeof roleRaw === 'string' ? roleRaw.toUpperCase() : null;
  return {
    id: String(id),
    name: typeof claims.name === 'string' ? claims.name : typeof claims.displayName === 'string' ? claims.displayName : null,
    role: role === 'ATHLETE' || role === 'COACH' ? role : null,
    expiresAt: typeof expiresAt === 'string' ? expiresAt : null,
  };
}

export class SignInError extends Error {}

export interface AuthApi {
  /** The signed-in account, or null when signed out (401). Throws on network failure. */
  user(): Promise<Account | null>;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

export function createAuthApi(fetch: BffFetch): AuthApi {
  return {
    async user() {
      const response = await fetch('/bff/user', { method: 'GET', headers: { Accept: 'application/json' } });
      if (response.status === 401 || response.status === 403) return null;
      if (!response.ok) throw new Error(`The server answered ${response.status}.`);
      return parseBffUser(await response.json());
    },
    async login(email, password) {
      const response = await fetch('/bff/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (response.ok) return;
      if (response.status === 400 || response.status === 401 || response.status === 403) {
        throw new SignInError('Wrong email or password.');
      }
      throw new SignInError(`Could not sign in (the server answered ${response.status}).`);
    },
    async logout() {
      await fetch('/bff/logout', { method: 'POST' });
    },
  };
}
