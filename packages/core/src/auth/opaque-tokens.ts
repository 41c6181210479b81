import { randomToken } from "../crypto/random.ts";
import { sha256Hex } from "../crypto/hash.ts";

/**
 * Opaque bearer secrets (refresh, reset, verification, challenge tokens): 256 bits from
 * the CSPRNG, a readable prefix, stored only as SHA-256 (enough for 256-bit secrets;
 * argon2 is for low-entropy passwords).
 */
export function newOpaqueToken(prefix: string): { token: string; hash: string } {
  const token = `${prefix}_${randomToken(32)}`;
  return { token, hash: sha256Hex(token) };
}

export function hashOpaqueToken(token: string): string {
  return sha256Hex(token);
}

export const REFRESH_TOKEN_TTL_MS = 30 * 86400_000;
export const RESET_TOKEN_TTL_MS = 60 * 60_000;
export const VERIFY_EMAIL_TOKEN_TTL_MS = 7 * 86400_000;
export const LOGIN_CHALLENGE_TTL_MS = 5 * 60_000;
/** Wrong codes a login challenge survives before it must be started again. */
export const LOGIN_CHALLENGE_MAX_FAILURES = 5;
