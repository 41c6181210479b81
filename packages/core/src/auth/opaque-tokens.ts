import { randomToken } from "../crypto/random.ts";
import { sha256Hex } from "../crypto/hash.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import type { OneTimeTokenStore } from "../ports/tokens.ts";
import type { OneTimeTokenPurpose } from "../records/tokens.ts";

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
/** Codes a login challenge evaluates, however many arrive at once; then it must be started again. */
export const LOGIN_CHALLENGE_MAX_ATTEMPTS = 5;

/** The token prefix each single-use purpose is mailed or answered with. */
const PREFIX = { verify_email: "gg_ve", reset_password: "gg_pr", login_challenge: "gg_ch" } as const;

/** Stores a new single-use token of `purpose` for the user; returns the plaintext (shown once). */
export async function issueOneTimeToken(
  tokens: OneTimeTokenStore,
  userId: string,
  purpose: OneTimeTokenPurpose,
  ttlMs: number,
  now: number,
): Promise<string> {
  const { token, hash } = newOpaqueToken(PREFIX[purpose]);
  await tokens.insert({ id: uuidv7(now), userId, purpose, tokenHash: hash, expiresAt: now + ttlMs, usedAt: null, failedAttempts: 0, createdAt: now });
  return token;
}
