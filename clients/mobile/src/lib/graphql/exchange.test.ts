import { createDemoServer } from '#/test-utils/demo-server';
import { createAccountNetwork } from '#/lib/network';
import { operations } from '#/state/queries/operations';

describe('the urql client over persisted operations', () => {
  it('sends queries as persisted GETs and hands back the same data object after a 304', async () => {
    const server = createDemoServer();
    const calls: { url: string; headers: Record<string, string> }[] = [];
    const { client } = createAccountNetwork('athlete-1', {
      webSocketUrl: null,
      fetchImpl: async (url, init) => {
        calls.push({ url, headers: init?.headers as Record<string, string> });
        return server.fetch(url, init);
      },
    });
    const vars = { weekStart: '2026-11-23' };
    const first = await client.query(operations.WeeklyPlan.document, vars, { requestPolicy: 'network-only' }).toPromise();
    const second = await client.query(operations.WeeklyPlan.document, vars, { requestPolicy: 'network-only' }).toPromise();

    expect(first.error).toBeUndefined();
    expect(calls[0]!.url).toContain(`documentId=${encodeURIComponent(operations.WeeklyPlan.id)}`);
    expect(calls[0]!.url).not.toContain('query=');
    expect(calls[1]!.headers['If-None-Match']).toMatch(/^".+"$/);
    expect(second.data).toBe(first.data);
  });

  it('refuses an operation that is not in the manifest without calling the server', async () => {
    const server = createDemoServer();
    const { client } = createAccountNetwork('athlete-1', { webSocketUrl: null, fetchImpl: server.fetch });
    const result = await client.query('query Sneaky { me { id } }', {}).toPromise();
    expect(result.error?.message).toMatch(/not in the persisted-operation manifest/);
    expect(server.requests).toHaveLength(0);
  });

  it('sends mutations as POST with documentId and maps GraphQL errors to result errors', async () => {
    const server = createDemoServer();
    const { client } = createAccountNetwork('athlete-1', { webSocketUrl: null, fetchImpl: server.fetch });
    const result = await client
      .mutation(operations.FinishSession.document, { input: { clientMutationId: 'c-1', sessionId: 'nope' } })
      .toPromise();
    expect(server.requests[0]).toMatchObject({ operationName: 'FinishSession', method: 'POST' });
    expect(result.error?.graphQLErrors[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
