import { subscribePayload } from '#/lib/graphql/subscriptions';
import { graphqlWebSocketUrl } from '#/lib/config';
import { operations } from '#/state/queries/operations';

describe('subscriptions', () => {
  it('subscribes with the manifest text and its sha256 (graphql-transport-ws needs `query`)', () => {
    const op = operations.SessionUpdated;
    expect(subscribePayload(op, { sessionId: 's1' })).toEqual({
      operationName: 'SessionUpdated',
      query: op.document,
      variables: { sessionId: 's1' },
      extensions: { persistedQuery: { version: 1, sha256Hash: op.id.slice('sha256:'.length) } },
    });
  });

  it('connects to the BFF origin over ws/wss', () => {
    expect(graphqlWebSocketUrl('https://bff.example')).toBe('wss://bff.example/graphql');
    expect(graphqlWebSocketUrl('http://localhost:5100')).toBe('ws://localhost:5100/graphql');
  });
});
