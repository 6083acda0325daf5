import { resumablePayload, subscribePayload } from '#/lib/graphql/subscriptions';
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

  it('re-subscribes after the last cursor it received, so the server replays what was missed', () => {
    const resumable = resumablePayload(operations.SessionUpdated, { sessionId: 's1' });
    expect(JSON.parse(JSON.stringify(resumable.payload)).variables).toEqual({ sessionId: 's1' });

    resumable.remember({ data: { sessionUpdated: { cursor: 'c1', kind: 'SET_LOGGED' } } });
    resumable.remember({ data: { sessionUpdated: { cursor: 'c2', kind: 'SET_UPDATED' } } });
    resumable.remember({ data: null }); // an error result keeps the cursor

    // graphql-ws stringifies the same payload object again when it re-subscribes.
    expect(JSON.parse(JSON.stringify(resumable.payload)).variables).toEqual({ sessionId: 's1', after: 'c2' });
    expect(resumable.payload.query).toBe(operations.SessionUpdated.document);
  });

  it('connects to the BFF origin over ws/wss', () => {
    expect(graphqlWebSocketUrl('https://bff.example')).toBe('wss://bff.example/graphql');
    expect(graphqlWebSocketUrl('http://localhost:5100')).toBe('ws://localhost:5100/graphql');
  });
});
