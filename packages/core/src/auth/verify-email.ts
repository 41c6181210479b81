import type { GgContext } from "../context.ts";
import type { UserRecord } from "../records/user.ts";
import { GgError } from "../errors/gg-error.ts";
import { hashOpaqueToken, issueOneTimeToken, VERIFY_EMAIL_TOKEN_TTL_MS } from "./opaque-tokens.ts";

/** Queues a verification mail carrying a single-use token. */
export async function sendEmailVerification(ctx: GgContext, user: UserRecord): Promise<void> {
  const token = await issueOneTimeToken(ctx.store.oneTimeTokens, user.id, "verify_email", VERIFY_EMAIL_TOKEN_TTL_MS, ctx.clock.now());
  await ctx.store.mail.send({
    to: user.email,
    subject: "Verify your GeckoGuard email address",
    text:
      `Confirm this address: ${ctx.publicUrl}/verify-email?token=${token}\n\n` +
      `Or POST /v1/auth/verify-email with {"token":"${token}"}. The link expires in 7 days.`,
  });
}

/** Marks the email verified; the token works once. */
export async function verifyEmail(ctx: GgContext, token: string): Promise<void> {
  const now = ctx.clock.now();
  const record = await ctx.store.oneTimeTokens.findLive("verify_email", hashOpaqueToken(token), now);
  if (record === null) throw new GgError("UNAUTHORIZED", "Invalid or expired verification token");
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.oneTimeTokens.consume(record.id, now))) {
      throw new GgError("UNAUTHORIZED", "Invalid or expired verification token");
    }
    await tx.users.update(record.userId, { emailVerifiedAt: now }, now);
  });
}
