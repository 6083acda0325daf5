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
  private readonly map = new Map<string, EtagEntry<T>>();
  private listener: (() => void) | null = null;

  constructor(private readonly maxEntries = 200) {}

  /** Called after every change (how a store keeps a copy, see stored-answers.ts); null stops it. */
  onChange(listener: (() => void) | null): void {
    this.listener = listener;
  }

  /** Every entry, least recently used first. */
  entries(): Array<[string, EtagEntry<T>]> {
    return [...this.map.entries()];
  }

  static key(operationId: string, variables: unknown): string {
    return `${operationId}|${stableStringify(variables ?? {})}`;
  }

  get(key: string): EtagEntry<T> | undefined {
    const entry = this.map.get(key);
    if (entry) {
      // refresh recency
      this.map.delete(key);
      this.map.set(key, entry);
    }
    return entry;
  }

  set(key: string, etag: string | null, value: T): void {
    this.map.delete(key);
    this.map.set(key, { etag, value });
    while (this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
    this.listener?.();
  }

  delete(key: string): void {
    if (this.map.delete(key)) this.listener?.();
  }

  clear(): void {
    this.map.clear();
    this.listener?.();
  }

  get size(): number {
    return this.map.size;
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
