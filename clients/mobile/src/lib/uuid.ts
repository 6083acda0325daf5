import * as Crypto from 'expo-crypto';

/** A random UUID v4 (the clientMutationId of a change, made once when the user acts). */
export function uuid(): string {
  const webCrypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (webCrypto?.randomUUID) return webCrypto.randomUUID();
  return Crypto.randomUUID();
}
