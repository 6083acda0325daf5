import { createBffFetch } from '#/lib/http';
import { createAuthApi, parseBffUser, SignUpError } from '#/state/session/api';
import { fakeFetch } from '#/test-utils/fake-fetch';

describe('BFF session API', () => {
  it('reads Duende-style claim arrays and plain objects', () => {
    expect(
      parseBffUser([
        { type: 'sub', value: 'u1' },
        { type: 'name', value: 'Ada' },
        { type: 'role', value: 'coach' },
      ]),
    ).toEqual({ id: 'u1', name: 'Ada', role: 'COACH', expiresAt: null });
    expect(parseBffUser({ sub: 'u2', name: 'Bo', expiresAt: '2026-11-25T00:00:00Z' })).toEqual({
      id: 'u2',
      name: 'Bo',
      role: null,
      expiresAt: '2026-11-25T00:00:00Z',
    });
    // the BFF's own answer: { sub, name, role, claims, expiresAt }
    expect(
      parseBffUser({ sub: 'u3', name: 'Alex', role: 'athlete', claims: [{ type: 'sub', value: 'u3' }], expiresAt: '2026-11-24T18:00:00+00:00' }),
    ).toEqual({ id: 'u3', name: 'Alex', role: 'ATHLETE', expiresAt: '2026-11-24T18:00:00+00:00' });
    expect(parseBffUser({ nothing: true })).toBeNull();
  });

  it('logs in with POST /bff/login and reads /bff/user through the CSRF fetch wrapper; 401 means signed out', async () => {
    const { fetchImpl, calls } = fakeFetch((call) => {
      if (call.url.endsWith('/bff/login')) return { status: 200 };
      return { status: 401 };
    });
    const api = createAuthApi(createBffFetch({ baseUrl: 'https://bff.test', fetchImpl }));
    await api.login('athlete@demo.workouttracker.dev', 'athlete-demo');
    expect(await api.user()).toBeNull();
    expect(calls[0]).toMatchObject({
      url: 'https://bff.test/bff/login',
      init: { method: 'POST', credentials: 'include', headers: { 'X-CSRF': '1' } },
    });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ email: 'athlete@demo.workouttracker.dev', password: 'athlete-demo' });
    expect(calls[1]!.url).toBe('https://bff.test/bff/user');
  });

  it('says "wrong email or password" on a refused login', async () => {
    const { fetchImpl } = fakeFetch(() => ({ status: 401 }));
    const api = createAuthApi(createBffFetch({ baseUrl: '', fetchImpl }));
    await expect(api.login('a', 'b')).rejects.toThrow('Wrong email or password.');
  });

  it('signs up with POST /bff/signup and reads the server\'s field errors by field', async () => {
    const { fetchImpl, calls } = fakeFetch((call) =>
      call.url.endsWith('/bff/signup') && calls.length === 1
        ? { status: 201 }
        : {
            status: 400,
            body: {
              title: 'This is not an email address (name@example.com).',
              code: 'VALIDATION',
              errors: [
                { field: 'email', code: 'INVALID_EMAIL', message: 'This is not an email address (name@example.com).' },
                { field: 'password', code: 'PASSWORD_TOO_SHORT', message: 'Passwords must be at least 10 characters.' },
              ],
            },
          },
    );
    const api = createAuthApi(createBffFetch({ baseUrl: 'https://bff.test', fetchImpl }));
    await api.signUp({ email: 'new@example.org', displayName: 'Nova', password: 'granite lantern orbit 42', role: 'athlete' });
    const refused = await api.signUp({ email: 'nope', displayName: 'Nova', password: 'short', role: 'coach' }).catch((e: unknown) => e);

    expect(calls[0]).toMatchObject({ url: 'https://bff.test/bff/signup', init: { method: 'POST', headers: { 'X-CSRF': '1' } } });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({
      email: 'new@example.org',
      displayName: 'Nova',
      password: 'granite lantern orbit 42',
      role: 'athlete',
    });
    expect(refused).toBeInstanceOf(SignUpError);
    expect((refused as SignUpError).fields).toEqual({
      email: { code: 'INVALID_EMAIL', message: 'This is not an email address (name@example.com).' },
      password: { code: 'PASSWORD_TOO_SHORT', message: 'Passwords must be at least 10 characters.' },
    });
  });

  it('says when to try again after too many sign-ups', async () => {
    const { fetchImpl } = fakeFetch(() => ({ status: 429, headers: { 'Retry-After': '60' } }));
    const api = createAuthApi(createBffFetch({ baseUrl: '', fetchImpl }));
    await expect(api.signUp({ email: 'a@b.org', displayName: 'A', password: 'x', role: 'athlete' })).rejects.toThrow('try again in 60 s');
  });
});
