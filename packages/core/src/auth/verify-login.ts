import type { GgContext } from "../context.ts";
import { GgError } from "../errors/gg-error.ts";
import { issueTokenPair, type TokenPair } from "./issue-token-pair.ts";
import { hashOpaqueToken, LOGIN_CHALLENGE_MAX_FAILURES } from "./opaque-tokens.ts";
import { acceptSecondFactor } from "./second-factor.ts";

/**
 * The account (email) a login challenge belongs to, or null for an unknown or expired
 * one: the per-account rate limit of verify-login is checked before any code is.
 */
export async function loginChallengeAccount(ctx: GgContext, challengeToken: string): Promise<string | null> {
  const challenge = await ctx.store.oneTimeTokens.findLive("login_challenge", hashOpaqueToken(challengeToken), ctx.clock.now());
  if (challenge === null) return null;
  return (await ctx.store.users.findById(challenge.userId))?.email ?? null;
}

/** Second step of a TOTP login: challenge + TOTP or recovery code → the token pair. */
export async function verifyLogin(ctx: GgContext, input: { challengeToken: string; code: string }): Promise<TokenPair> {
  const now = ctx.clock.now();
  const challenge = await ctx.store.oneTimeTokens.findLive("login_challenge", hashOpaqueToken(input.challengeToken), now);
  if (challenge === null) throw new GgError("UNAUTHORIZED", "Invalid or expired login challenge; log in again");
  const user = await ctx.store.users.findById(challenge.userId);
  if (user === null || user.totpSecret === null) throw new GgError("UNAUTHORIZED", "Invalid or expired login challenge; log in again");

  if (!(await acceptSecondFactor(ctx, user, user.totpSecret, input.code, { allowRecoveryCode: true }))) {
    const failures = await ctx.store.oneTimeTokens.recordFailure(challenge.id);
    if (failures >= LOGIN_CHALLENGE_MAX_FAILURES) await ctx.store.oneTimeTokens.consume(challenge.id, now);
    throw new GgError("INVALID_TOTP", "Invalid or already used code");
  }
  if (!(await ctx.store.oneTimeTokens.consume(challenge.id, now))) {
    throw new GgError("UNAUTHORIZED", "Invalid or expired login challenge; log in again");
  }
  return issueTokenPair(ctx, user);
}
