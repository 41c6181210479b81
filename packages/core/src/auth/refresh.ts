import type { GgContext } from "../context.ts";
import type { Store } from "../ports/store.ts";
import type { RefreshTokenStore } from "../ports/tokens.ts";
import { GgError } from "../errors/gg-error.ts";
import { issueTokenPair, type TokenPair } from "./issue-token-pair.ts";
import { hashOpaqueToken } from "./opaque-tokens.ts";
import { judgeRefreshToken } from "./refresh-rule.ts";

/**
 * One kind of account's refresh tokens: dashboard users here, portal end users in
 * portal/end-user-tokens.ts. Both rotate by the same rules below.
 */
export interface RefreshRealm<Pair> {
  tokens(store: Store): RefreshTokenStore;
  /** A new pair of the same family for the token's account, on the transaction's store; null when the account is gone. */
  reissue(ctx: GgContext, accountId: string, familyId: string): Promise<Pair | null>;
}

const dashboardRealm: RefreshRealm<TokenPair> = {
  tokens: (store) => store.refreshTokens,
  async reissue(ctx, userId, familyId) {
    const user = await ctx.store.users.findById(userId);
    return user === null ? null : issueTokenPair(ctx, user, familyId);
  },
};

/**
 * Single-use rotation. A rotated token presented again revokes its whole family and
 * answers REFRESH_TOKEN_REUSED; so does losing a race to rotate the same token.
 * Rotation and its successor commit together: a concurrent loser sees the token
 * rotated only once the successor exists, so the loser's family revocation reaches
 * the successor too and no token of a reused family survives.
 */
export async function rotateRefreshToken<Pair>(ctx: GgContext, realm: RefreshRealm<Pair>, refreshToken: string): Promise<Pair> {
  const now = ctx.clock.now();
  const record = await realm.tokens(ctx.store).findByHash(hashOpaqueToken(refreshToken));
  const verdict = judgeRefreshToken(record, now);
  if (record === null || verdict === "unknown" || verdict === "expired" || verdict === "revoked") {
    throw new GgError("UNAUTHORIZED", "Invalid or expired refresh token");
  }
  if (verdict === "live") {
    const pair = await ctx.store.transaction(async (tx) => {
      if (!(await realm.tokens(tx).markRotated(record.id, now))) return "lost" as const;
      const next = await realm.reissue({ ...ctx, store: tx }, record.userId, record.familyId);
      // The account is gone: nothing to hand out, and the rotation rolls back with it.
      if (next === null) throw new GgError("UNAUTHORIZED", "Invalid or expired refresh token");
      return next;
    });
    if (pair !== "lost") return pair;
  }
  await realm.tokens(ctx.store).revokeFamily(record.familyId, now);
  throw new GgError("REFRESH_TOKEN_REUSED", "This refresh token was already used; every session of this login was signed out");
}

/** A new dashboard pair for a live refresh token (rotateRefreshToken's rules). */
export function refresh(ctx: GgContext, refreshToken: string): Promise<TokenPair> {
  return rotateRefreshToken(ctx, dashboardRealm, refreshToken);
}

/**
 * Ends the login the presented refresh token belongs to: the token and every rotation
 * of it (its family), so a client holding a stale token still signs the session out.
 * Other logins of the account live on; access tokens die within 15 minutes.
 */
export async function endLogin(tokens: RefreshTokenStore, refreshToken: string, now: number): Promise<void> {
  const record = await tokens.findByHash(hashOpaqueToken(refreshToken));
  if (record === null) throw new GgError("UNAUTHORIZED", "Invalid refresh token");
  await tokens.revokeFamily(record.familyId, now);
}

export function logout(ctx: GgContext, refreshToken: string): Promise<void> {
  return endLogin(ctx.store.refreshTokens, refreshToken, ctx.clock.now());
}
