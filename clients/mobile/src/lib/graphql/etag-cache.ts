/**
 * ETag cache for persisted GET queries: per operation + variables it keeps the last ETag and the
 * last response body. On a 304 the transport hands back the very same body object, so nothing
 * downstream sees a change and React does not re-render for an unchanged answer; without network it
 * hands back the last body (an answer without an ETag is kept for that too, with `etag` null).
 * Bounded (least recently used entries go first); one instance per signed-in account.
 */
export interface EtagEntry<T> {
  etag: string | null;
  value: T;
}

export class EtagCache<T = unknown> {
  private readonly entries = new Map<string, EtagEntry<T>>();

  constructor(private readonly maxEntries = 200) {}

  static key(operationId: string, variables: unknown): string {
    return `${operationId}|${stableStringify(variables ?? {})}`;
  }

  get(key: string): EtagEntry<T> | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // refresh recency
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, etag: string | null, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { etag, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** JSON with object keys sorted, so {a,b} and {b,a} are the same variables. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}
