import { loadVersioned, serializeVersioned, type StorageLike } from '#/state/persisted/versioned';
import { classify, describeRejection, type Outcome, type SendResult } from '#/offline/classify';
import { queueSpec, type QueueItem, type QueueKind } from '#/offline/schema';

export type { QueueItem, QueueKind } from '#/offline/schema';
export type { SendResult } from '#/offline/classify';

/** Sends one queued mutation; resolves with the HTTP answer, throws when there was none (network). */
export type Send = (item: QueueItem) => Promise<SendResult>;

/** A set id that is not known yet: the set is still in the queue as the logSet with this id. */
export const PENDING_PREFIX = 'pending:';
export const pendingSetId = (clientMutationId: string) => `${PENDING_PREFIX}${clientMutationId}`;
export const isPendingSetId = (id: unknown): id is string => typeof id === 'string' && id.startsWith(PENDING_PREFIX);

export interface QueueState {
  /** FIFO order; per session, only the first item is ever in flight. */
  items: readonly QueueItem[];
  inFlight: readonly string[];
  online: boolean;
  /** The BFF said the session expired: nothing is sent until `resume()` (after signing in). */
  pausedForAuth: boolean;
  loaded: boolean;
}

export type QueueEvent =
  | { type: 'succeeded'; item: QueueItem; payload: Record<string, unknown>; replayed: boolean }
  | {
      type: 'rejected';
      item: QueueItem;
      code: string;
      message: string;
      /** VALIDATION: the input field the server refused. */
      field?: string;
      /** What the user is told. */
      reason: string;
      /** Later changes of the same set that were dropped with it (e.g. an edit of a rejected set). */
      dropped: QueueItem[];
    }
  | { type: 'retrying'; item: QueueItem; message: string; delayMs: number }
  | { type: 'paused'; item: QueueItem; message: string };

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export interface OfflineQueueOptions {
  storage: StorageLike;
  storageKey: string;
  send: Send;
  uuid: () => string;
  now?: () => Date;
  /** 0 ≤ random() < 1, for the jitter. */
  random?: () => number;
  backoff?: BackoffOptions;
  online?: boolean;
}

export interface EnqueueInput {
  kind: QueueKind;
  sessionId: string;
  variables: Record<string, unknown>;
  meta?: Record<string, unknown>;
}

/** Exponential backoff, capped, with "equal jitter": half the delay fixed, half random. */
export function backoffDelay(attempts: number, options: BackoffOptions, random: () => number): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/**
 * Durable FIFO queue of session and set mutations (see src/offline/README in the mobile README).
 * Every change of the queue is written to storage before anything is sent, so a set logged
 * offline survives an app restart; its clientMutationId (made once, at enqueue) makes every retry
 * safe, since the server answers a replay with the first result (`replayed: true`).
 */
export class OfflineQueue {
  private items: QueueItem[] = [];
  private readonly inFlight = new Set<string>();
  private readonly retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: QueueEvent) => void>();
  private readonly running = new Set<Promise<void>>();
  private writes: Promise<void> = Promise.resolve();
  private online: boolean;
  private pausedForAuth = false;
  private loaded = false;
  private stopped = false;
  private state: QueueState;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;

  constructor(private readonly options: OfflineQueueOptions) {
    this.online = options.online ?? true;
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? { baseMs: 1_000, maxMs: 60_000 };
    this.state = this.snapshot();
  }

  /** Loads (and migrates) what is stored, then starts draining. Call once, on app start. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.writes;
    const { data, changed } = await loadVersioned(this.options.storage, this.options.storageKey, queueSpec);
    if (this.stopped) return;
    const known = new Set(data.items.map((i) => i.clientMutationId));
    // Items enqueued while loading come after the stored ones.
    this.items = [...data.items, ...this.items.filter((i) => !known.has(i.clientMutationId))];
    this.loaded = true;
    if (changed || this.items.length !== data.items.length) this.persist();
    this.emitChange();
    this.drain();
  }

  /** Stops timers and sending (what is stored stays); start() again resumes. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
  }

  getState = (): QueueState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onEvent(listener: (event: QueueEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Adds a change. Visible to subscribers at once (optimistic UI), stored, then sent when possible. */
  enqueue(input: EnqueueInput): QueueItem {
    const item: QueueItem = {
      clientMutationId: this.options.uuid(),
      kind: input.kind,
      sessionId: input.sessionId,
      variables: input.variables,
      meta: input.meta ?? {},
      createdAt: this.now().toISOString(),
      attempts: 0,
      lastError: null,
    };
    this.items = [...this.items, item];
    this.emitChange();
    this.persist().then(() => this.drain());
    return item;
  }

  /**
   * Drops a change the user takes back (or gives up on), with every later change of the same set.
   * Returns false when it is being sent right now.
   */
  discard(clientMutationId: string): boolean {
    if (this.inFlight.has(clientMutationId)) return false;
    const item = this.items.find((i) => i.clientMutationId === clientMutationId);
    if (!item) return false;
    this.removeWithDependents(item);
    this.persist();
    this.emitChange();
    this.drain();
    return true;
  }

  /** True when the change was never sent: it can be taken back without asking the server. */
  isUnsent(clientMutationId: string): boolean {
    const item = this.items.find((i) => i.clientMutationId === clientMutationId);
    return !!item && item.attempts === 0 && !this.inFlight.has(clientMutationId);
  }

  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    if (online) this.retryNow();
    this.emitChange();
  }

  /** After the user signed in again: send what waits. */
  resume(): void {
    this.pausedForAuth = false;
    this.retryNow();
    this.emitChange();
  }

  /** Sends what can be sent now (also on app foreground). */
  retryNow(): void {
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    this.drain();
  }

  /** Resolves when nothing is in flight and every write has reached storage (for tests and shutdown). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    await this.writes;
  }

  private drain(): void {
    if (!this.loaded || this.stopped || !this.online || this.pausedForAuth) return;
    const headsSeen = new Set<string>();
    for (const item of this.items) {
      if (headsSeen.has(item.sessionId)) continue; // an earlier item of this session blocks it
      headsSeen.add(item.sessionId);
      if (this.inFlight.has(item.clientMutationId) || this.retryTimers.has(item.clientMutationId)) continue;
      if (isPendingSetId(item.variables.setId)) continue; // waits for its logSet (which is ahead of it)
      const run = this.process(item);
      this.running.add(run);
      run.finally(() => this.running.delete(run));
    }
  }

  private async process(item: QueueItem): Promise<void> {
    const id = item.clientMutationId;
    this.inFlight.add(id);
    const attempt: QueueItem = { ...item, attempts: item.attempts + 1 };
    this.replace(attempt);
    this.emitChange();
    await this.persist();

    let outcome: Outcome;
    try {
      outcome = classify(item.kind, await this.options.send(attempt));
    } catch (error) {
      outcome = { type: 'retry', message: error instanceof Error ? error.message : String(error) };
    }
    this.inFlight.delete(id);
    if (this.stopped) return;
    const current = this.items.find((i) => i.clientMutationId === id) ?? attempt;

    switch (outcome.type) {
      case 'success': {
        this.items = this.items.filter((i) => i.clientMutationId !== id);
        if (item.kind === 'logSet') this.resolvePendingSetId(id, outcome.payload);
        this.persist();
        this.emitChange();
        this.emit({ type: 'succeeded', item: current, payload: outcome.payload, replayed: outcome.replayed });
        break;
      }
      case 'reject': {
        const dropped = this.removeWithDependents(current);
        this.persist();
        this.emitChange();
        this.emit({
          type: 'rejected',
          item: current,
          code: outcome.code,
          message: outcome.message,
          ...(outcome.field ? { field: outcome.field } : {}),
          reason: describeRejection(item.kind, outcome.code, outcome.message),
          dropped,
        });
        break;
      }
      case 'retry': {
        const failed = { ...current, lastError: outcome.message };
        this.replace(failed);
        this.persist();
        const delayMs = backoffDelay(failed.attempts, this.backoff, this.random);
        this.retryTimers.set(
          id,
          setTimeout(() => {
            this.retryTimers.delete(id);
            this.drain();
          }, delayMs),
        );
        this.emitChange();
        this.emit({ type: 'retrying', item: failed, message: outcome.message, delayMs });
        break;
      }
      case 'auth': {
        const failed = { ...current, lastError: outcome.message };
        this.replace(failed);
        this.persist();
        this.pausedForAuth = true;
        this.emitChange();
        this.emit({ type: 'paused', item: failed, message: outcome.message });
        break;
      }
    }
    this.drain();
  }

  /** A logSet went through: later edits/deletes of that set now know its real id. */
  private resolvePendingSetId(clientMutationId: string, payload: Record<string, unknown>): void {
    const setId = payload.setId ?? (payload.set as { id?: unknown } | null | undefined)?.id;
    if (typeof setId !== 'string') return;
    const placeholder = pendingSetId(clientMutationId);
    this.items = this.items.map((i) =>
      i.variables.setId === placeholder ? { ...i, variables: { ...i.variables, setId } } : i,
    );
  }

  /**
   * Removes an item and the later items that depend on it: the changes of the set a logSet would have
   * created, or everything of the session a startSession would have created.
   */
  private removeWithDependents(item: QueueItem): QueueItem[] {
    const placeholder = pendingSetId(item.clientMutationId);
    const dependent = (i: QueueItem) =>
      i.clientMutationId !== item.clientMutationId &&
      ((item.kind === 'logSet' && i.variables.setId === placeholder) || (item.kind === 'startSession' && i.sessionId === item.sessionId));
    const dropped = this.items.filter(dependent);
    const gone = new Set([item.clientMutationId, ...dropped.map((i) => i.clientMutationId)]);
    this.items = this.items.filter((i) => !gone.has(i.clientMutationId));
    for (const id of gone) {
      const timer = this.retryTimers.get(id);
      if (timer) clearTimeout(timer);
      this.retryTimers.delete(id);
    }
    return dropped;
  }

  private replace(item: QueueItem): void {
    this.items = this.items.map((i) => (i.clientMutationId === item.clientMutationId ? item : i));
  }

  private persist(): Promise<void> {
    const text = serializeVersioned(queueSpec, { items: this.items });
    const { storage, storageKey } = this.options;
    this.writes = this.writes.then(() => storage.setItem(storageKey, text)).catch(() => undefined);
    return this.writes;
  }

  private snapshot(): QueueState {
    return {
      items: this.items,
      inFlight: [...this.inFlight],
      online: this.online,
      pausedForAuth: this.pausedForAuth,
      loaded: this.loaded,
    };
  }

  private emitChange(): void {
    this.state = this.snapshot();
    for (const listener of this.listeners) listener();
  }

  private emit(event: QueueEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }
}
