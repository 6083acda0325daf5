import { z } from 'zod';
import { loadVersioned, serializeVersioned, type StorageLike, type VersionedSpec } from '#/state/persisted/versioned';
import type { Account } from '#/state/session/api';

/**
 * The account last signed in on this device: who it was, never a token (the BFF's cookie stays
 * httpOnly). It lets the app open without network, at the gym, on what the phone has: the queue
 * keeps the sets and sends them once the BFF answers again (or after signing in, if the session
 * ended meanwhile). Forgotten on sign-out and when the BFF says the session is over.
 */
const rememberedSchema = z.object({
  account: z
    .object({
      id: z.string().min(1),
      name: z.string().nullable(),
      role: z.enum(['ATHLETE', 'COACH']).nullable(),
      expiresAt: z.string().nullable(),
    })
    .nullable(),
});

type Remembered = z.infer<typeof rememberedSchema>;

export const rememberedAccountSpec: VersionedSpec<Remembered> = {
  version: 1,
  schema: rememberedSchema,
  defaults: () => ({ account: null }),
};

export const REMEMBERED_ACCOUNT_KEY = 'workouttracker:last-account';

export async function loadRememberedAccount(storage: StorageLike): Promise<Account | null> {
  const { data } = await loadVersioned(storage, REMEMBERED_ACCOUNT_KEY, rememberedAccountSpec);
  return data.account;
}

export async function rememberAccount(storage: StorageLike, account: Account | null): Promise<void> {
  await storage.setItem(REMEMBERED_ACCOUNT_KEY, serializeVersioned(rememberedAccountSpec, { account })).catch(() => undefined);
}
