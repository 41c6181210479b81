import type { GgContext } from "../context.ts";
import type { UserRecord } from "../records/user.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { ACCESS_TOKEN_TTL_SECONDS } from "./access-tokens.ts";
import { newOpaqueToken, REFRESH_TOKEN_TTL_MS } from "./opaque-tokens.ts";
import { presentUser } from "./present-user.ts";

/**
 * A fresh access + refresh pair. `familyId` ties every rotation of one login together;
 * a new login starts a new family.
 */
export async function issueTokenPair(ctx: GgContext, user: UserRecord, familyId: string = uuidv7(ctx.clock.now())) {
  const now = ctx.clock.now();
  const refresh = newOpaqueToken("gg_rt");
  await ctx.store.refreshTokens.insert({
    id: uuidv7(now),
    userId: user.id,
    familyId,
    tokenHash: refresh.hash,
    expiresAt: now + REFRESH_TOKEN_TTL_MS,
    rotatedAt: null,
    revokedAt: null,
    createdAt: now,
  });
  return {
    accessToken: await ctx.accessTokens.issue(user.id, now),
    refreshToken: refresh.token,
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    tokenType: "Bearer" as const,
    user: presentUser(user),
  };
}
export type TokenPair = Awaited<ReturnType<typeof issueTokenPair>>;
