import type { GgContext } from "../context.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { ACCESS_TOKEN_TTL_SECONDS } from "../auth/access-tokens.ts";
import { issueRefreshToken } from "../auth/issue-token-pair.ts";
import { hashOpaqueToken } from "../auth/opaque-tokens.ts";
import { endLogin, rotateRefreshToken, type RefreshRealm } from "../auth/refresh.ts";
import { presentEndUser } from "../endusers/present-end-user.ts";
import { openPortal } from "./settings.ts";

/** A portal access + refresh pair: the dashboard's token rules, the end users' token tables and audience. */
export async function issueEndUserPair(ctx: GgContext, endUser: EndUserRecord, familyId: string = uuidv7(ctx.clock.now())) {
  const now = ctx.clock.now();
  return {
    accessToken: await ctx.accessTokens.issueEndUser({ endUserId: endUser.id, orgId: endUser.orgId }, now),
    refreshToken: await issueRefreshToken(ctx.store.endUserAccounts.refreshTokens, endUser.id, familyId, now),
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    tokenType: "Bearer" as const,
    endUser: presentEndUser(endUser),
  };
}
export type EndUserTokenPair = Awaited<ReturnType<typeof issueEndUserPair>>;

const endUserRealm: RefreshRealm<EndUserTokenPair> = {
  tokens: (store) => store.endUserAccounts.refreshTokens,
  async reissue(ctx, endUserId, familyId) {
    const account = await ctx.store.endUserAccounts.findById(endUserId);
    if (account === null) return null;
    // A portal switched off stops handing out tokens, like every other portal route.
    await openPortal(ctx, account.endUser.orgId);
    return issueEndUserPair(ctx, account.endUser, familyId);
  },
};

/** Rotation with reuse detection, exactly as for dashboard accounts (auth/refresh.ts). */
export function refreshEndUser(ctx: GgContext, refreshToken: string): Promise<EndUserTokenPair> {
  return rotateRefreshToken(ctx, endUserRealm, refreshToken);
}

/** Ends the login (its token family). Like every portal route, refused while the org's portal is off. */
export async function logoutEndUser(ctx: GgContext, refreshToken: string): Promise<void> {
  const tokens = ctx.store.endUserAccounts.refreshTokens;
  const record = await tokens.findByHash(hashOpaqueToken(refreshToken));
  const account = record === null ? null : await ctx.store.endUserAccounts.findById(record.userId);
  if (account !== null) await openPortal(ctx, account.endUser.orgId);
  return endLogin(tokens, refreshToken, ctx.clock.now());
}
