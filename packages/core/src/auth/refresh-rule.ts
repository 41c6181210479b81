import type { RefreshTokenRecord } from "../records/tokens.ts";

export type RefreshVerdict = "live" | "unknown" | "expired" | "revoked" | "reused";

/**
 * What a presented refresh token means. A token that was already rotated is a reuse:
 * either the client replayed it or it was stolen, so the caller revokes the family.
 * Rotation is checked before revocation because after a reuse the whole family is
 * revoked and a second replay must still read as reuse.
 */
export function judgeRefreshToken(token: RefreshTokenRecord | null, now: number): RefreshVerdict {
  if (token === null) return "unknown";
  if (token.rotatedAt !== null) return "reused";
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresAt <= now) return "expired";
  return "live";
}
