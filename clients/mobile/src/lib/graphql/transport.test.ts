import { createBffFetch } from '#/lib/http';
import { EtagCache, stableStringify } from '#/lib/graphql/etag-cache';
import { createGraphQLTransport, type PersistedOperation } from '#/lib/graphql/transport';
import { fakeFetch, queryParams } from '#/test-utils/fake-fetch';

const Plan: PersistedOperation = {
  name: 'WeeklyPlan',
  id: 'sha256:aaaa',
  document: 'query WeeklyPlan($weekStart: Date) { weeklyPlan(weekStart: $weekStart) { weekStart } }',
  kind: 'query',
};
const LogSet: PersistedOperation = { name: 'LogSet', id: 'sha256:bbbb', document: 'mutation LogSet { x }', kind: 'mutation' };

function setup(reply: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(reply);
  const transport = createGraphQLTransport({
    fetch: createBffFetch({ baseUrl: 'https://bff.test', fetchImpl: fake.fetchImpl }),
  });
  return { ...fake, transport };
}

describe('the BFF fetch wrapper', () => {
  it('sends credentials and the X-CSRF header on every call', async () => {
    const { calls, transport } = setup(() => ({ status: 200, body: { data: {} } }));
    await transport.query(Plan, {});
    await transport.mutate(LogSet, { input: {} });
    for (const call of calls) {
      expect(call.init.credentials).toBe('include');
      expect(call.init.headers['X-CSRF']).toBe('1');
      expect(call.url.startsWith('https://bff.test/graphql')).toBe(true);
    }
  });
});

describe('persisted operations', () => {
  it('sends a query as GET with documentId, operationName and variables', async () => {
    const { calls, transport } = setup(() => ({ status: 200, body: { data: { weeklyPlan: null } } }));
    await transport.query(Plan, { weekStart: '2026-11-23' });
    expect(calls[0]!.init.method).toBe('GET');
    expect(calls[0]!.init.body).toBeUndefined();
    expect(queryParams(calls[0]!.url)).toEqual({
      documentId: 'sha256:aaaa',
      operationName: 'WeeklyPlan',
      variables: '{"weekStart":"2026-11-23"}',
    });
  });

  it('sends a mutation as POST { documentId, operationName, variables } and no document text', async () => {
    const { calls, transport } = setup(() => ({ status: 200, body: { data: { logSet: {} } } }));
    await transport.mutate(LogSet, { input: { reps: 5 } });
    expect(calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({
      documentId: 'sha256:bbbb',
      operationName: 'LogSet',
      variables: { input: { reps: 5 } },
    });
    expect(calls[0]!.init.headers['Content-Type']).toBe('application/json');
  });

  it('turns a non-JSON error page into a GraphQL-shaped error with the status', async () => {
    const { transport } = setup(() => ({ status: 502, body: '<html>bad gateway</html>' }));
    const result = await transport.query(Plan, {});
    expect(result.status).toBe(502);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('HTTP_502');
  });
});

describe('ETag cache', () => {
  it('stores ETag and data on 200, then sends If-None-Match and returns the identical cached object on 304', async () => {
    const { calls, transport } = setup((_, i) =>
      i === 0 ? { status: 200, body: { data: { weeklyPlan: { weekStart: '2026-11-23' } } }, headers: { ETag: '"v1"' } } : { status: 304 },
    );
    const first = await transport.query(Plan, { weekStart: '2026-11-23' });
    const second = await transport.query(Plan, { weekStart: '2026-11-23' });

    expect(calls[0]!.init.headers['If-None-Match']).toBeUndefined();
    expect(calls[1]!.init.headers['If-None-Match']).toBe('"v1"');
    expect(second.status).toBe(304);
    expect(second.body).toBe(first.body); // same object: no new data, no re-render churn
    expect(second.body.data).toBe(first.body.data);
  });

  it('answers the last kept data when the network fails, and fails when it kept none', async () => {
    const { transport } = setup((call, i) => {
      if (i === 0) return { status: 200, body: { data: { weeklyPlan: { weekStart: '2026-11-23' } } }, headers: { ETag: '"v1"' } };
      throw new TypeError('Failed to fetch');
    });
    const online = await transport.query(Plan, { weekStart: '2026-11-23' });
    const offline = await transport.query(Plan, { weekStart: '2026-11-23' });

    expect(offline.status).toBe(0);
    expect(offline.body).toBe(online.body);
    await expect(transport.query(Plan, { weekStart: '2026-11-30' })).rejects.toThrow('Failed to fetch');
  });

  it('does not share entries between different variables', async () => {
    const { calls, transport } = setup((call) => {
      const week = JSON.parse(queryParams(call.url).variables!).weekStart;
      return { status: 200, body: { data: { weeklyPlan: { weekStart: week } } }, headers: { ETag: `"${week}"` } };
    });
    await transport.query(Plan, { weekStart: '2026-11-16' });
    await transport.query(Plan, { weekStart: '2026-11-23' });
    await transport.query(Plan, { weekStart: '2026-11-16' });
    expect(calls[1]!.init.headers['If-None-Match']).toBeUndefined();
    expect(calls[2]!.init.headers['If-None-Match']).toBe('"2026-11-16"');
  });

  it('replaces the entry when a 200 brings a new ETag', async () => {
    const replies = [
      { status: 200, body: { data: { n: 1 } }, headers: { ETag: '"v1"' } },
      { status: 200, body: { data: { n: 2 } }, headers: { ETag: '"v2"' } },
      { status: 304 },
    ];
    const { calls, transport } = setup((_, i) => replies[i]!);
    await transport.query(Plan, {});
    const second = await transport.query(Plan, {});
    const third = await transport.query(Plan, {});
    expect(calls[1]!.init.headers['If-None-Match']).toBe('"v1"');
    expect(calls[2]!.init.headers['If-None-Match']).toBe('"v2"');
    expect(third.body).toBe(second.body);
    expect(third.body.data).toEqual({ n: 2 });
  });

  it('sends no If-None-Match after an answer without an ETag, and forgets an answer with errors', async () => {
    const replies = [
      { status: 200, body: { data: { n: 1 } }, headers: { ETag: '"v1"' } },
      { status: 200, body: { data: { n: 2 } } },
      null, // network down
      { status: 200, body: { data: null, errors: [{ message: 'boom' }] } },
      null,
    ];
    const { calls, transport } = setup((_, i) => {
      const reply = replies[i];
      if (!reply) throw new TypeError('Failed to fetch');
      return reply;
    });
    await transport.query(Plan, {});
    const noEtag = await transport.query(Plan, {});
    const offline = await transport.query(Plan, {});
    expect(calls[1]!.init.headers['If-None-Match']).toBe('"v1"');
    expect(calls[2]!.init.headers['If-None-Match']).toBeUndefined();
    expect(offline).toEqual({ status: 0, body: noEtag.body }); // kept for when the network is gone
    await transport.query(Plan, {}); // errors: forgotten
    await expect(transport.query(Plan, {})).rejects.toThrow('Failed to fetch');
  });

  it('keys variables independently of property order and drops the least recently used entry', () => {
    expect(stableStringify({ b: 1, a: { d: 2, c: [3] } })).toBe(stableStringify({ a: { c: [3], d: 2 }, b: 1 }));
    const cache = new EtagCache<number>(2);
    cache.set('a', '"1"', 1);
    cache.set('b', '"2"', 2);
    cache.get('a');
    cache.set('c', '"3"', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.value).toBe(1);
  });
});
