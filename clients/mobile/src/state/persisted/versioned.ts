import type { z } from 'zod';

/**
 * Versioned, schema-described stored state (the pattern of the app's preferences and the offline
 * queue). Stored as `{ version, data }`. Reading migrates older versions step by step
 * (migrations[n] turns version n data into version n+1), then validates with the zod schema;
 * anything unreadable falls back to the defaults (or to what `salvage` can keep) instead of crashing.
 */
export interface StorageLike {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem?(key: string): Promise<void>;
}

export interface VersionedSpec<T> {
  version: number;
  schema: z.ZodType<T>;
  defaults: () => T;
  /** migrations[n]: data of version n → data of version n + 1 */
  migrations?: Record<number, (data: any) => unknown>;
  /** Keep what can be kept of data that fails the schema (e.g. drop only the bad items). */
  salvage?: (data: unknown) => T;
}

export type MigrateProblem = 'unreadable' | 'newer-version' | 'missing-migration' | 'invalid';

export interface MigrateResult<T> {
  data: T;
  /** True when what is stored should be rewritten (migrated, salvaged or reset). */
  changed: boolean;
  problem?: MigrateProblem;
}

export function migrate<T>(raw: unknown, spec: VersionedSpec<T>): MigrateResult<T> {
  if (raw === null || raw === undefined) return { data: spec.defaults(), changed: false };
  if (typeof raw !== 'object' || typeof (raw as { version?: unknown }).version !== 'number') {
    return { data: spec.defaults(), changed: true, problem: 'unreadable' };
  }
  let { version, data } = raw as { version: number; data: unknown };
  if (version > spec.version) return { data: spec.defaults(), changed: true, problem: 'newer-version' };
  const startVersion = version;
  while (version < spec.version) {
    const step = spec.migrations?.[version];
    if (!step) return { data: spec.defaults(), changed: true, problem: 'missing-migration' };
    data = step(data);
    version += 1;
  }
  const parsed = spec.schema.safeParse(data);
  if (parsed.success) return { data: parsed.data, changed: startVersion !== spec.version };
  return { data: spec.salvage ? spec.salvage(data) : spec.defaults(), changed: true, problem: 'invalid' };
}

export async function loadVersioned<T>(storage: StorageLike, key: string, spec: VersionedSpec<T>): Promise<MigrateResult<T>> {
  let text: string | null = null;
  try {
    text = await storage.getItem(key);
  } catch {
    return { data: spec.defaults(), changed: false, problem: 'unreadable' };
  }
  let raw: unknown = null;
  if (text !== null) {
    try {
      raw = JSON.parse(text);
    } catch {
      raw = 'unparseable';
    }
  }
  const result = migrate(raw, spec);
  if (result.problem && text !== null) {
    // Never lose what we could not read (e.g. written by a newer app version): keep a copy.
    await storage.setItem(`${key}:backup`, text).catch(() => undefined);
  }
  return result;
}

export function serializeVersioned<T>(spec: VersionedSpec<T>, data: T): string {
  return JSON.stringify({ version: spec.version, data });
}
