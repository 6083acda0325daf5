import { z } from 'zod';
import type { EtagCache } from '#/lib/graphql/etag-cache';
import type { GraphQLResponse } from '#/lib/graphql/transport';
import { loadVersioned, serializeVersioned, type StorageLike, type VersionedSpec } from '#/state/persisted/versioned';

/**
 * Keeps a copy of an account's last query answers (the ETag cache) in storage, so the app opened
 * without network shows what the phone last saw: this week's plan, the open session. Written a
 * moment after answers change; bounded, newest first, so one row stays well under the ~2 MB that
 * Android's AsyncStorage can read back.
 */
const storedAnswersSchema = z.object({
  entries: z.array(z.object({ key: z.string(), etag: z.string().nullable(), value: z.unknown() })),
});
type StoredAnswers = z.infer<typeof storedAnswersSchema>;

export const storedAnswersSpec: VersionedSpec<StoredAnswers> = {
  version: 1,
  schema: storedAnswersSchema,
  defaults: () => ({ entries: [] }),
};

export const answersStorageKey = (accountId: string) => `workouttracker:answers:${accountId}`;

export interface StoredAnswersOptions {
  /** How long after a change the copy is written. */
  delayMs?: number;
  maxEntries?: number;
  maxChars?: number;
}

export interface AnswerStore {
  /** Resolves once what was stored is in the cache. */
  ready: Promise<void>;
  /** Writes the copy now. */
  flush(): Promise<void>;
  /** Stops writing (what is stored stays). */
  dispose(): void;
}

export function keepAnswersStored(
  cache: EtagCache<GraphQLResponse>,
  storage: StorageLike,
  storageKey: string,
  { delayMs = 1_000, maxEntries = 40, maxChars = 1_500_000 }: StoredAnswersOptions = {},
): AnswerStore {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writes: Promise<void> = Promise.resolve();
  let disposed = false;

  const ready = loadVersioned(storage, storageKey, storedAnswersSpec)
    .then(({ data }) => {
      // Stored oldest first; anything answered meanwhile is newer and stays.
      for (const { key, etag, value } of data.entries) {
        if (!cache.get(key)) cache.set(key, etag, value as GraphQLResponse);
      }
    })
    .catch(() => undefined)
    .then(() => {
      if (!disposed) cache.onChange(schedule);
    });

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    if (disposed) return writes;
    const text = serializeVersioned(storedAnswersSpec, { entries: newestWithin(cache, maxEntries, maxChars) });
    writes = writes.then(() => storage.setItem(storageKey, text)).catch(() => undefined);
    return writes;
  }

  return {
    ready,
    flush,
    dispose() {
      disposed = true;
      clearTimeout(timer);
      cache.onChange(null);
    },
  };
}

/**
 * The newest entries (at most `maxEntries`) whose stored copy fits in `maxChars`: each entry is
 * serialized once to measure it, and the oldest go first until the rest fit.
 */
function newestWithin(cache: EtagCache<GraphQLResponse>, maxEntries: number, maxChars: number): StoredAnswers['entries'] {
  const entries = cache.entries().slice(-maxEntries).map(([key, entry]) => ({ key, etag: entry.etag, value: entry.value }));
  // The envelope, then each entry and the comma before it (one too many counted: a safe bound).
  let length = serializeVersioned(storedAnswersSpec, { entries: [] }).length;
  const sizes = entries.map((entry) => JSON.stringify(entry).length + 1);
  for (const size of sizes) length += size;
  let oldest = 0;
  while (length > maxChars && oldest < entries.length) length -= sizes[oldest++]!;
  return entries.slice(oldest);
}

/** Removes an account's stored answers (on sign-out). */
export async function forgetStoredAnswers(storage: StorageLike, accountId: string): Promise<void> {
  const key = answersStorageKey(accountId);
  await (storage.removeItem ? storage.removeItem(key) : storage.setItem(key, serializeVersioned(storedAnswersSpec, { entries: [] }))).catch(() => undefined);
}
