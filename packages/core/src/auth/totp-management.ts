import type { GgContext } from "../context.ts";
import { GgError } from "../errors/gg-error.ts";
import { newTotpSecret, totpUri } from "./totp.ts";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes.ts";
import { acceptSecondFactor } from "./second-factor.ts";
import { requireUser } from "./require-user.ts";

/** Step 1: a new pending secret; 2FA is not on until `enableTotp` confirms a code. */
export async function setupTotp(ctx: GgContext, userId: string) {
  const user = await requireUser(ctx, userId);
  if (user.totpSecret !== null) throw new GgError("CONFLICT", "Two-factor authentication is already enabled; disable it first");
  const secret = newTotpSecret();
  await ctx.store.users.update(user.id, { totpPendingSecret: secret }, ctx.clock.now());
  return { secret, otpauthUrl: totpUri(secret, user.email) };
}

/** Step 2: a code from the pending secret turns 2FA on and yields 10 recovery codes. */
export async function enableTotp(ctx: GgContext, userId: string, code: string) {
  const user = await requireUser(ctx, userId);
  if (user.totpSecret !== null) throw new GgError("CONFLICT", "Two-factor authentication is already enabled");
  if (user.totpPendingSecret === null) throw new GgError("VALIDATION_ERROR", "Call /v1/dashboard/me/totp/setup first");
  if (!(await acceptSecondFactor(ctx, user, user.totpPendingSecret, code, { allowRecoveryCode: false }))) {
    throw new GgError("INVALID_TOTP", "Invalid or already used code");
  }
  const recoveryCodes = newRecoveryCodes();
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    await tx.users.update(user.id, { totpSecret: user.totpPendingSecret, totpPendingSecret: null }, now);
    await tx.recoveryCodes.replaceAll(user.id, recoveryCodes.map(hashRecoveryCode), now);
  });
  return { recoveryCodes };
}

/**
 * Turns 2FA off; needs a current TOTP code or an unused recovery code. The replay guard
 * (last accepted step) belongs to the secret, so it goes with it: a new secret's
 * current code must not be refused because the old secret used the same time step.
 */
export async function disableTotp(ctx: GgContext, userId: string, code: string) {
  const user = await requireUser(ctx, userId);
  if (user.totpSecret === null) throw new GgError("CONFLICT", "Two-factor authentication is not enabled");
  if (!(await acceptSecondFactor(ctx, user, user.totpSecret, code, { allowRecoveryCode: true }))) {
    throw new GgError("INVALID_TOTP", "Invalid or already used code");
  }
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    await tx.users.update(user.id, { totpSecret: null, totpPendingSecret: null, totpLastStep: null }, now);
    await tx.recoveryCodes.deleteAll(user.id);
  });
}
