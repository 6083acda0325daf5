import { migrate } from '#/state/persisted/versioned';
import { QUEUE_VERSION, queueSpec } from '#/offline/schema';

const item = (id: string, extra: Record<string, unknown> = {}) => ({
  clientMutationId: id,
  kind: 'logSet',
  sessionId: 's1',
  variables: { sessionId: 's1', exerciseId: 'e', loadKg: 100, reps: 5 },
  createdAt: '2026-11-24T10:00:00.000Z',
  ...extra,
});

describe('offline queue schema', () => {
  it('starts empty', () => {
    expect(migrate(null, queueSpec).data).toEqual({ items: [] });
  });

  it('fills defaults of optional fields (attempts, lastError, meta)', () => {
    const { data } = migrate({ version: QUEUE_VERSION, data: { items: [item('a')] } }, queueSpec);
    expect(data.items[0]).toMatchObject({ attempts: 0, lastError: null, meta: {} });
  });

  it('drops only the damaged items and keeps the others in order', () => {
    const result = migrate(
      { version: QUEUE_VERSION, data: { items: [item('a'), { nonsense: true }, item('c', { kind: 'teleport' }), item('d')] } },
      queueSpec,
    );
    expect(result.problem).toBe('invalid');
    expect(result.data.items.map((i) => i.clientMutationId)).toEqual(['a', 'd']);
  });

  it('does not read a queue written by a newer app version (the loader backs it up)', () => {
    expect(migrate({ version: QUEUE_VERSION + 1, data: { items: [item('a')] } }, queueSpec)).toMatchObject({
      problem: 'newer-version',
      data: { items: [] },
    });
  });
});
