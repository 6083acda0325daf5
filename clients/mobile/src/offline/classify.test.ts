import { classify, describeRejection } from '#/offline/classify';

/** The server's answers, as GraphQL over HTTP carries them through the BFF. */
const payload = (replayed: boolean) => ({
  status: 200,
  body: {
    data: {
      logSet: {
        clientMutationId: 'c-1',
        replayed,
        setId: 'set-1',
        set: { id: 'set-1', sessionId: 's', order: 1, loadKg: 100, reps: 5, rpe: 8, restSeconds: null, isWarmup: false, performedAt: '2026-11-24T10:00:00Z', exercise: { id: 'barbell-back-squat', name: 'Back Squat' } },
        session: { id: 's', version: 2 },
        newRecords: ['HEAVIEST_LOAD'],
      },
    },
  },
});
const error = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: { data: null, errors: [{ message: `${code} message`, path: ['logSet'], extensions: { code, ...extra } }] },
});

describe('classify (what a mutation answer means for its queue item)', () => {
  it('treats a SetPayload as success, replayed or not', () => {
    expect(classify('logSet', payload(false))).toMatchObject({ type: 'success', replayed: false, payload: { setId: 'set-1' } });
    expect(classify('logSet', payload(true))).toMatchObject({ type: 'success', replayed: true });
    // a replayed deleteSet: setId, no set
    expect(classify('deleteSet', { status: 200, body: { data: { deleteSet: { clientMutationId: 'c', replayed: true, setId: 'x', session: { id: 's', version: 3 } } } } })).toMatchObject({
      type: 'success',
      replayed: true,
    });
  });

  it('rejects the domain errors (the set is rolled back), keeping VALIDATION’s field', () => {
    expect(classify('logSet', error(200, 'IDEMPOTENCY_CONFLICT'))).toMatchObject({ type: 'reject', code: 'IDEMPOTENCY_CONFLICT' });
    expect(classify('logSet', error(200, 'VALIDATION', { field: 'reps' }))).toEqual({ type: 'reject', code: 'VALIDATION', message: 'VALIDATION message', field: 'reps' });
    for (const code of ['SESSION_FINISHED', 'FORBIDDEN', 'NOT_FOUND']) {
      expect(classify('updateSet', error(200, code))).toMatchObject({ type: 'reject', code });
    }
    // the BFF's allowlist refusing a document that is not in the manifest
    expect(classify('logSet', error(400, 'PERSISTED_QUERY_REQUIRED'))).toMatchObject({ type: 'reject', code: 'PERSISTED_QUERY_REQUIRED' });
  });

  it('retries what may pass later, and pauses when signed out', () => {
    expect(classify('logSet', error(400, 'PERSISTED_QUERY_NOT_FOUND')).type).toBe('retry'); // app and BFF deployed out of step
    expect(classify('logSet', { status: 502, body: { errors: [{ message: 'HTTP 502', extensions: { code: 'HTTP_502' } }] } }).type).toBe('retry');
    expect(classify('logSet', { status: 429, body: { errors: [{ message: 'Too many' }] } }).type).toBe('retry');
    expect(classify('logSet', { status: 200, body: { data: null, errors: [{ message: 'Unexpected' }] } }).type).toBe('retry');
    expect(classify('logSet', { status: 401, body: {} }).type).toBe('auth');
    expect(classify('logSet', error(200, 'UNAUTHENTICATED')).type).toBe('auth');
  });

  it('says why in words', () => {
    expect(describeRejection('logSet', 'SESSION_FINISHED', '')).toBe('Set not saved: the session was already finished.');
    expect(describeRejection('updateSet', 'VALIDATION', 'reps: 0 to 100.')).toBe('Edit not saved: reps: 0 to 100.');
    expect(describeRejection('deleteSet', 'NOT_FOUND', '')).toBe('Delete not saved: it no longer exists on the server.');
  });
});
