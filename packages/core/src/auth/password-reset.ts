import type { GgContext } from "../context.ts";
import { GgError } from "../errors/gg-error.ts";
import { hashOpaqueToken, issueOneTimeToken, RESET_TOKEN_TTL_MS } from "./opaque-tokens.ts";
import { normalizeEmail } from "./schemas.ts";

/**
 * Queues a reset link when the account exists; the caller answers the same either way.
 * A new link invalidates older ones.
 */
export async function forgotPassword(ctx: GgContext, email: string): Promise<void> {
  const user = await ctx.store.users.findByEmail(normalizeEmail(email));
  if (user === null) return;
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    await tx.oneTimeTokens.expireAllForUser(user.id, "reset_password", now);
    const token = await issueOneTimeToken(tx.oneTimeTokens, user.id, "reset_password", RESET_TOKEN_TTL_MS, now);
    await tx.mail.send({
      to: user.email,
      subject: "Reset your GeckoGuard password",
      text:
        `Choose a new password: ${ctx.publicUrl}/reset-password?token=${token}\n\n` +
        `Or POST /v1/auth/reset-password with {"token":"${token}","password":"…"}. ` +
        `The link works once and expires in 1 hour. If you did not ask for it, ignore this mail.`,
    });
  });
}

/** Sets the new password, signs out every session of the user and proves the mailbox. */
export async function resetPassword(ctx: GgContext, input: { token: string; password: string }): Promise<void> {
  const now = ctx.clock.now();
  const record = await ctx.store.oneTimeTokens.findLive("reset_password", hashOpaqueToken(input.token), now);
  if (record === null) throw new GgError("UNAUTHORIZED", "Invalid or expired reset token");
  const passwordHash = await ctx.passwords.hash(input.password);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.oneTimeTokens.consume(record.id, now))) {
      throw new GgError("UNAUTHORIZED", "Invalid or expired reset token");
    }
    const user = await tx.users.findById(record.userId);
    await tx.users.update(record.userId, { passwordHash, emailVerifiedAt: user?.emailVerifiedAt ?? now }, now);
    await tx.refreshTokens.revokeAllForUser(record.userId, now);
  });
}
