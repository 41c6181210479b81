/** One refresh token of a login "family" (all rotations that descend from one login). */
export interface RefreshTokenRecord {
  id: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: number;
  /** Set when this token was exchanged for a new pair; presenting it again is reuse. */
  rotatedAt: number | null;
  /** Set by logout, family revocation or password reset. */
  revokedAt: number | null;
  createdAt: number;
}

export type OneTimeTokenPurpose = "verify_email" | "reset_password" | "login_challenge";

export interface OneTimeTokenRecord {
  id: string;
  userId: string;
  purpose: OneTimeTokenPurpose;
  tokenHash: string;
  expiresAt: number;
  usedAt: number | null;
  /** Codes evaluated so far (login challenges die after a few); each one claimed by `claimAttempt`. */
  failedAttempts: number;
  createdAt: number;
}
