import type { GgContext } from "../context.ts";
import type { UserRecord } from "../records/user.ts";
import { matchTotpStep } from "./totp.ts";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes.ts";

/**
 * Checks a 6-digit TOTP code against `secret` (refusing a step already used) or, when
 * allowed, a single-use recovery code. Exactly one of two concurrent requests carrying
 * the same code succeeds: both paths end in a guarded write.
 */
export async function acceptSecondFactor(
  ctx: GgContext,
  user: UserRecord,
  secret: string,
  code: string,
  options: { allowRecoveryCode: boolean },
): Promise<boolean> {
  const now = ctx.clock.now();
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const step = await matchTotpStep(secret, trimmed, now, user.totpLastStep);
    return step !== null && (await ctx.store.users.advanceTotpStep(user.id, step));
  }
  if (options.allowRecoveryCode && looksLikeRecoveryCode(trimmed)) {
    return ctx.store.recoveryCodes.consume(user.id, hashRecoveryCode(trimmed), now);
  }
  return false;
}
