import type { OneTimeTokenPurpose, OneTimeTokenRecord, RefreshTokenRecord } from "../records/tokens.ts";

export interface RefreshTokenStore {
  insert(token: RefreshTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /**
   * Marks the token rotated if it is still live (not rotated, not revoked), in one
   * guarded write. Returns false when another request rotated or revoked it first.
   */
  markRotated(id: string, at: number): Promise<boolean>;
  /** Revokes every token of one login (logout, reuse detection). */
  revokeFamily(familyId: string, at: number): Promise<void>;
  revokeAllForUser(userId: string, at: number): Promise<void>;
}

export interface OneTimeTokenStore {
  insert(token: OneTimeTokenRecord): Promise<void>;
  /** The live (unused, unexpired) token with this hash and purpose, or null. */
  findLive(purpose: OneTimeTokenPurpose, tokenHash: string, now: number): Promise<OneTimeTokenRecord | null>;
  /** Marks it used if still live; false when another request used it first. */
  consume(id: string, now: number): Promise<boolean>;
  /**
   * Claims one attempt on a live token, in one guarded write, before its code is checked:
   * returns the attempt's number (1…max), or null once `max` were claimed or the token is
   * used or expired. However many callers race, at most `max` ever get a number.
   */
  claimAttempt(id: string, max: number, now: number): Promise<number | null>;
  /** Invalidates every live token of this purpose for the user (e.g. older reset links). */
  expireAllForUser(userId: string, purpose: OneTimeTokenPurpose, now: number): Promise<void>;
}

export interface RecoveryCodeStore {
  /** Replaces the user's recovery codes with these hashes. */
  replaceAll(userId: string, codeHashes: string[], now: number): Promise<void>;
  /** Uses the code if it exists and is unused; false otherwise (exactly one caller wins). */
  consume(userId: string, codeHash: string, now: number): Promise<boolean>;
  deleteAll(userId: string): Promise<void>;
}
