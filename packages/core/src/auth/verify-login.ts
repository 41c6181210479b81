import type { GgContext } from "../context.ts";
import { GgError } from "../errors/gg-error.ts";
import { issueTokenPair, type TokenPair } from "./issue-token-pair.ts";
import { hashOpaqueToken, LOGIN_CHALLENGE_MAX_ATTEMPTS } from "./opaque-tokens.ts";
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

const deadChallenge = () => new GgError("UNAUTHORIZED", "Invalid or expired login challenge; log in again");

/**
 * Second step of a TOTP login: challenge + TOTP or recovery code → the token pair. The
 * attempt is claimed before the code is checked, so concurrent guesses cannot get more
 * than LOGIN_CHALLENGE_MAX_ATTEMPTS codes evaluated.
 */
export async function verifyLogin(ctx: GgContext, input: { challengeToken: string; code: string }): Promise<TokenPair> {
  const now = ctx.clock.now();
  const challenge = await ctx.store.oneTimeTokens.findLive("login_challenge", hashOpaqueToken(input.challengeToken), now);
  if (challenge === null) throw deadChallenge();
  const user = await ctx.store.users.findById(challenge.userId);
  if (user === null || user.totpSecret === null) throw deadChallenge();
  // Past the cap the challenge is dead for every code; the last attempt consumes it.
  const attempt = await ctx.store.oneTimeTokens.claimAttempt(challenge.id, LOGIN_CHALLENGE_MAX_ATTEMPTS, now);
  if (attempt === null) throw deadChallenge();

  if (!(await acceptSecondFactor(ctx, user, user.totpSecret, input.code, { allowRecoveryCode: true }))) {
    if (attempt >= LOGIN_CHALLENGE_MAX_ATTEMPTS) await ctx.store.oneTimeTokens.consume(challenge.id, now);
    throw new GgError("INVALID_TOTP", "Invalid or already used code");
  }
  if (!(await ctx.store.oneTimeTokens.consume(challenge.id, now))) throw deadChallenge();
  return issueTokenPair(ctx, user);
}
