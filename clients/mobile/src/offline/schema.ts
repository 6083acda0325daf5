import { z } from 'zod';
import type { VersionedSpec } from '#/state/persisted/versioned';

/**
 * The stored offline queue. Bump QUEUE_VERSION and add a migration (migrations[old] → new shape,
 * with a test in schema.test.ts) whenever the item shape changes: a phone may hold unsynced sets
 * written by an older app version.
 */
export const QUEUE_VERSION = 1;

/** Adding a kind keeps every stored item valid (no migration); removing or reshaping one needs one. */
export const queueKinds = [
  'startSession',
  'logSet',
  'updateSet',
  'deleteSet',
  'finishSession',
  // the logbook: notes, exercises added to a session, supersets, custom exercises and plan edits
  'setSessionNote',
  'setExerciseNote',
  'addSessionExercise',
  'groupSessionSuperset',
  'createExercise',
  'swapPlannedExercise',
  'skipPlannedExercise',
  'addPlannedExercise',
  'changePlannedTargets',
  'groupPlannedSuperset',
  'resetWeeklyPlan',
] as const;
export type QueueKind = (typeof queueKinds)[number];

export const queueItemSchema = z.object({
  /** The idempotency key: made once when the user taps, kept across retries and restarts. */
  clientMutationId: z.string().min(1),
  kind: z.enum(queueKinds),
  /** The lane the item waits in behind earlier ones: a session's id, or `plan:<weekStart>` for plan edits. */
  sessionId: z.string().min(1),
  /** The mutation input without clientMutationId (added when sending). */
  variables: z.record(z.string(), z.unknown()),
  /** Display hints for the optimistic card (e.g. exercise name); never sent. */
  meta: z.record(z.string(), z.unknown()).default({}),
  createdAt: z.string(),
  attempts: z.number().int().nonnegative().default(0),
  lastError: z.string().nullable().default(null),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queueDataSchema = z.object({ items: z.array(queueItemSchema) });
export type QueueData = z.infer<typeof queueDataSchema>;

export const queueSpec: VersionedSpec<QueueData> = {
  version: QUEUE_VERSION,
  schema: queueDataSchema,
  defaults: () => ({ items: [] }),
  migrations: {},
  // One damaged item must not cost the user every other unsynced set.
  salvage: (data) => {
    const items = (data as { items?: unknown })?.items;
    if (!Array.isArray(items)) return { items: [] };
    return {
      items: items.flatMap((i) => {
        const parsed = queueItemSchema.safeParse(i);
        return parsed.success ? [parsed.data] : [];
      }),
    };
  },
};

export function queueStorageKey(accountId: string): string {
  return `workouttracker:offline-queue:${accountId}`;
}
