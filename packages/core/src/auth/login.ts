import type { GgContext } from "../context.ts";
import type { PasswordHasher } from "./password-hasher.ts";
import { GgError } from "../errors/gg-error.ts";
import { issueTokenPair, type TokenPair } from "./issue-token-pair.ts";
import { issueOneTimeToken, LOGIN_CHALLENGE_TTL_MS } from "./opaque-tokens.ts";
import { normalizeEmail, type LoginInput } from "./schemas.ts";

export type LoginResult = TokenPair | { twoFactorRequired: true; challengeToken: string; expiresIn: number };

const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();

/** A real hash of a throw-away password, so an unknown email costs one full verify too. */
export function dummyHashFor(hasher: PasswordHasher): Promise<string> {
  let hash = dummyHashes.get(hasher);
  if (hash === undefined) {
    hash = hasher.hash("geckoguard-timing-equaliser");
    dummyHashes.set(hasher, hash);
  }
  return hash;
}

/**
 * Password login. Wrong email and wrong password give the same error after the same
 * work (one argon2 verify). With TOTP on, answers a short-lived single-use challenge.
 */
export async function login(ctx: GgContext, input: LoginInput): Promise<LoginResult> {
  const user = await ctx.store.users.findByEmail(normalizeEmail(input.email));
  const passwordOk = await ctx.passwords.verify(user?.passwordHash ?? (await dummyHashFor(ctx.passwords)), input.password);
  if (user === null || !passwordOk) throw new GgError("INVALID_CREDENTIALS", "Invalid email or password");

  if (user.totpSecret === null) return issueTokenPair(ctx, user);

  const challengeToken = await issueOneTimeToken(ctx.store.oneTimeTokens, user.id, "login_challenge", LOGIN_CHALLENGE_TTL_MS, ctx.clock.now());
  return { twoFactorRequired: true, challengeToken, expiresIn: LOGIN_CHALLENGE_TTL_MS / 1000 };
}

/** Warms the dummy hash so the first unknown-email login is not faster than the rest. */
export function prepareLogin(ctx: GgContext): Promise<unknown> {
  return dummyHashFor(ctx.passwords);
}
