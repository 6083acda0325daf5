import { EtagCache } from '#/lib/graphql/etag-cache';
import { answersStorageKey, forgetStoredAnswers, keepAnswersStored } from '#/lib/graphql/stored-answers';
import { createBffFetch } from '#/lib/http';
import { createGraphQLTransport, type GraphQLResponse, type PersistedOperation } from '#/lib/graphql/transport';
import { memoryStorage } from '#/test-utils/app';
import { fakeFetch } from '#/test-utils/fake-fetch';

const Plan: PersistedOperation = { name: 'WeeklyPlan', id: 'sha256:aaaa', document: 'query WeeklyPlan { weeklyPlan { weekStart } }', kind: 'query' };
const KEY = answersStorageKey('athlete-1');

/** A phone's transport over a stored cache; `online` false makes every request fail as without network. */
function phone(storage: ReturnType<typeof memoryStorage>, online: boolean) {
  const cache = new EtagCache<GraphQLResponse>();
  const store = keepAnswersStored(cache, storage, KEY, { delayMs: 0 });
  const { fetchImpl, calls } = fakeFetch(() => {
    if (!online) throw new TypeError('Network request failed');
    return { status: 200, body: { data: { weeklyPlan: { weekStart: '2026-11-23' } } }, headers: { ETag: '"v1"' } };
  });
  const transport = createGraphQLTransport({ fetch: createBffFetch({ baseUrl: '', fetchImpl }), etagCache: cache, cacheReady: store.ready });
  return { transport, store, calls, cache };
}

describe('stored answers', () => {
  it('let the app opened again without network answer what it last saw', async () => {
    const storage = memoryStorage();
    const before = phone(storage, true);
    await before.transport.query(Plan);
    await before.store.flush();
    before.store.dispose();

    const after = phone(storage, false); // a new app start, no network
    const answer = await after.transport.query(Plan);

    expect(answer).toEqual({ status: 0, body: { data: { weeklyPlan: { weekStart: '2026-11-23' } } } });
  });

  it('keep the newest entries within the size bounds, and are forgotten on sign-out', async () => {
    const storage = memoryStorage();
    const cache = new EtagCache<GraphQLResponse>();
    const store = keepAnswersStored(cache, storage, KEY, { delayMs: 0, maxEntries: 3, maxChars: 400 });
    await store.ready;
    for (let i = 0; i < 5; i++) cache.set(`k${i}`, null, { data: { filler: 'x'.repeat(100), i } });
    await store.flush();

    expect(storage.data.get(KEY)!.length).toBeLessThanOrEqual(400);
    const stored = JSON.parse(storage.data.get(KEY)!) as { data: { entries: { key: string }[] } };
    expect(stored.data.entries.map((e) => e.key)).toEqual(['k3', 'k4']); // 3 newest, then the oldest dropped to fit 400 chars

    await forgetStoredAnswers(storage, 'athlete-1');
    const fresh = new EtagCache<GraphQLResponse>();
    await keepAnswersStored(fresh, storage, KEY).ready;
    expect(fresh.size).toBe(0);
  });
});
