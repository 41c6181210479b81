import { timingSafeEqual } from "node:crypto";
import { sha256Bytes, sha256HexDigest } from "./digest.ts";

/** SHA-256 hex digest; used to store high-entropy secrets (tokens, keys) as hashes. */
export function sha256Hex(input: string | Uint8Array): string {
  return sha256HexDigest(input);
}

/**
 * Constant-time string equality. Both sides are hashed first so that neither the
 * contents nor the length of the secret leak through timing.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256Bytes(a), sha256Bytes(b)) && a.length === b.length;
}
