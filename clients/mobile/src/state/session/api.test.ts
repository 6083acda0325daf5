import { createBffFetch } from '#/lib/http';
import { createAuthApi, parseBffUser } from '#/state/session/api';
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
});
