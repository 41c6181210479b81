import { createHash, timingSafeEqual } from "node:crypto";

/** SHA-256 hex digest; used to store high-entropy secrets (tokens, keys) as hashes. */
export function sha256Hex(input: string | Uint8Array): string {
  return createHash("sha256").update(input).digest("hex");
}

/**
 * Constant-time string equality. Both sides are hashed first so that neither the
 * contents nor the length of the secret leak through timing.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const da = createHash("sha256").update(a).digest();
  const db = createHash("sha256").update(b).digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}
