import type { GgContext } from "../context.ts";
import { GgError } from "../errors/gg-error.ts";
import { issueTokenPair, type TokenPair } from "./issue-token-pair.ts";
import { hashOpaqueToken } from "./opaque-tokens.ts";
import { judgeRefreshToken } from "./refresh-rule.ts";

/**
 * Single-use rotation. A rotated token presented again revokes its whole family and
 * answers REFRESH_TOKEN_REUSED; so does losing a race to rotate the same token.
 * Rotation and its successor commit together: a concurrent loser sees the token
 * rotated only once the successor exists, so the loser's family revocation reaches
 * the successor too and no token of a reused family survives.
 */
export async function refresh(ctx: GgContext, refreshToken: string): Promise<TokenPair> {
  const now = ctx.clock.now();
  const record = await ctx.store.refreshTokens.findByHash(hashOpaqueToken(refreshToken));
  const verdict = judgeRefreshToken(record, now);
  if (record === null || verdict === "unknown" || verdict === "expired" || verdict === "revoked") {
    throw new GgError("UNAUTHORIZED", "Invalid or expired refresh token");
  }
  if (verdict === "live") {
    const user = await ctx.store.users.findById(record.userId);
    if (user === null) throw new GgError("UNAUTHORIZED", "Invalid or expired refresh token");
    const pair = await ctx.store.transaction(async (tx) =>
      (await tx.refreshTokens.markRotated(record.id, now)) ? issueTokenPair({ ...ctx, store: tx }, user, record.familyId) : null,
    );
    if (pair !== null) return pair;
  }
  await ctx.store.refreshTokens.revokeFamily(record.familyId, now);
  throw new GgError("REFRESH_TOKEN_REUSED", "This refresh token was already used; every session of this login was signed out");
}

/**
 * Ends the login the presented refresh token belongs to: the token and every rotation
 * of it (its family), so a client holding a stale token still signs the session out.
 * Other logins of the user live on; access tokens die within 15 minutes.
 */
export async function logout(ctx: GgContext, refreshToken: string): Promise<void> {
  const record = await ctx.store.refreshTokens.findByHash(hashOpaqueToken(refreshToken));
  if (record === null) throw new GgError("UNAUTHORIZED", "Invalid refresh token");
  await ctx.store.refreshTokens.revokeFamily(record.familyId, ctx.clock.now());
}
