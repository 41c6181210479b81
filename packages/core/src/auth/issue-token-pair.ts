import type { GgContext } from "../context.ts";
import type { RefreshTokenStore } from "../ports/tokens.ts";
import type { UserRecord } from "../records/user.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { ACCESS_TOKEN_TTL_SECONDS } from "./access-tokens.ts";
import { newOpaqueToken, REFRESH_TOKEN_TTL_MS } from "./opaque-tokens.ts";
import { presentUser } from "./present-user.ts";

/**
 * Stores a new refresh token of the account in `tokens` (the dashboard's or the portal's)
 * and returns its plaintext, shown once. `familyId` ties every rotation of one login
 * together; a new login starts a new family.
 */
export async function issueRefreshToken(tokens: RefreshTokenStore, accountId: string, familyId: string, now: number): Promise<string> {
  const refresh = newOpaqueToken("gg_rt");
  await tokens.insert({
    id: uuidv7(now),
    userId: accountId,
    familyId,
    tokenHash: refresh.hash,
    expiresAt: now + REFRESH_TOKEN_TTL_MS,
    rotatedAt: null,
    revokedAt: null,
    createdAt: now,
  });
  return refresh.token;
}

/** A fresh dashboard access + refresh pair. */
export async function issueTokenPair(ctx: GgContext, user: UserRecord, familyId: string = uuidv7(ctx.clock.now())) {
  const now = ctx.clock.now();
  return {
    accessToken: await ctx.accessTokens.issue(user.id, now),
    refreshToken: await issueRefreshToken(ctx.store.refreshTokens, user.id, familyId, now),
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    tokenType: "Bearer" as const,
    user: presentUser(user),
  };
}
export type TokenPair = Awaited<ReturnType<typeof issueTokenPair>>;
