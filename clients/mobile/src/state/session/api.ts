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

/** A new account's details (POST /bff/signup). */
export interface SignUpDetails {
  email: string;
  displayName: string;
  password: string;
  role: 'athlete' | 'coach';
}

/** The fields of a sign-up the server refused, each with its message (and code, e.g. PASSWORD_TOO_SHORT). */
export type FieldErrors = Partial<Record<'email' | 'displayName' | 'password' | 'role', { code: string; message: string }>>;

export class SignUpError extends Error {
  constructor(
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

const problem = z.object({
  title: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
});

/** The server's refusal of a sign-up, as the BFF passes it on: a problem document with one entry per field. */
export async function readSignUpError(response: Response): Promise<SignUpError> {
  if (response.status === 429) {
    const seconds = response.headers.get('Retry-After');
    return new SignUpError(`Too many attempts; try again${seconds ? ` in ${seconds} s` : ' later'}.`);
  }
  const parsed = problem.safeParse(await response.json().catch(() => null));
  if (!parsed.success || response.status !== 400) return new SignUpError(`Could not create the account (the server answered ${response.status}).`);
  const fields: FieldErrors = {};
  for (const error of parsed.data.errors ?? []) {
    const field = error.field as keyof FieldErrors;
    fields[field] ??= { code: error.code, message: error.message };
  }
  return new SignUpError(parsed.data.title ?? 'Check the highlighted fields.', fields);
}

export interface AuthApi {
  /** The signed-in account, or null when signed out (401). Throws on network failure. */
  user(): Promise<Account | null>;
  login(email: string, password: string): Promise<void>;
  /** Creates the account and signs it in (the BFF starts the session); throws {@link SignUpError} with field errors. */
  signUp(details: SignUpDetails): Promise<void>;
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
    async signUp(details) {
      const response = await fetch('/bff/signup', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(details),
      });
      if (response.ok) return;
      throw await readSignUpError(response);
    },
    async logout() {
      await fetch('/bff/logout', { method: 'POST' });
    },
  };
}
