import type { GgContext } from "../context.ts";
import type { Store } from "../ports/store.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import { GgError } from "../errors/gg-error.ts";
import { orgAccess } from "../orgs/org-access.ts";
import { hashOpaqueToken, issueOneTimeToken, RESET_TOKEN_TTL_MS } from "../auth/opaque-tokens.ts";
import { openPortal } from "./settings.ts";
import type { ActingContext } from "../audit/actor.ts";
import { auditEndUser, endUserOrigin, type RequestPlace } from "./audit.ts";

/** How long a vendor's set-password invitation works. */
export const PORTAL_INVITE_TTL_MS = 7 * 86400_000;

/** The page the mailed links open; it posts the token and the new password to the API. */
const resetLink = (ctx: GgContext, token: string) => `${ctx.publicUrl}/portal/reset-password?token=${token}`;

/** Kills the end user's older links and queues a mail with a new single-use one. */
async function mailPasswordLink(ctx: GgContext, tx: Store, endUser: EndUserRecord & { email: string }, ttlMs: number, subject: string, intro: string) {
  const now = ctx.clock.now();
  await tx.endUserAccounts.oneTimeTokens.expireAllForUser(endUser.id, "reset_password", now);
  const token = await issueOneTimeToken(tx.endUserAccounts.oneTimeTokens, endUser.id, "reset_password", ttlMs, now);
  const hours = Math.round(ttlMs / 3600_000);
  await tx.mail.send({
    to: endUser.email,
    subject,
    text:
      `${intro}: ${resetLink(ctx, token)}\n\n` +
      `Or POST /v1/enduser/auth/reset-password with {"token":"${token}","password":"…"}. ` +
      `The link works once and expires in ${hours < 48 ? `${hours} hour${hours === 1 ? "" : "s"}` : `${hours / 24} days`}. If you did not expect it, ignore this mail.`,
  });
}

/** Queues a reset link when the org's portal has such an account; the caller answers the same either way. */
export async function forgotEndUserPassword(ctx: GgContext, input: { orgId: string; email: string }): Promise<void> {
  await openPortal(ctx, input.orgId);
  const account = await ctx.store.endUserAccounts.findForLogin(input.orgId, input.email);
  const endUser = account?.endUser;
  if (endUser === undefined || endUser.email === null) return;
  const withEmail = { ...endUser, email: endUser.email };
  await ctx.store.transaction((tx) => mailPasswordLink(ctx, tx, withEmail, RESET_TOKEN_TTL_MS, "Reset your password", "Choose a new password"));
}

/**
 * The vendor's set-password invitation (a member of the org may send it): the end user
 * must have an email and the portal must be on, or the link would lead nowhere.
 */
export async function inviteEndUserToPortal(ctx: ActingContext, userId: string, orgId: string, endUserId: string): Promise<{ expiresAt: number }> {
  await orgAccess(ctx, userId, orgId, "manageEndUsers");
  const endUser = await ctx.store.endUsers.find({ kind: "org", orgId }, endUserId);
  if (endUser === null) throw new GgError("NOT_FOUND", "End user not found");
  await openPortal(ctx, orgId);
  if (endUser.email === null) {
    throw new GgError("VALIDATION_ERROR", "This end user has no email address to send the invitation to", {
      details: [{ path: "/email", message: "Set the end user's email first" }],
    });
  }
  const withEmail = { ...endUser, email: endUser.email };
  await ctx.store.transaction(async (tx) => {
    await mailPasswordLink(ctx, tx, withEmail, PORTAL_INVITE_TTL_MS, "Your customer portal account", "Set a password for your customer portal account");
    await auditEndUser(tx, ctx.origin, "end_user.portal_invited", endUser, null, ctx.clock.now());
  });
  return { expiresAt: ctx.clock.now() + PORTAL_INVITE_TTL_MS };
}

/** Sets the password from a mailed link (reset or invitation) and signs out every login of the end user. */
export async function resetEndUserPassword(ctx: GgContext, input: { token: string; password: string }, place: RequestPlace): Promise<void> {
  const now = ctx.clock.now();
  const tokens = ctx.store.endUserAccounts.oneTimeTokens;
  const record = await tokens.findLive("reset_password", hashOpaqueToken(input.token), now);
  if (record === null) throw new GgError("UNAUTHORIZED", "Invalid or expired reset token");
  const account = await ctx.store.endUserAccounts.findById(record.userId);
  if (account === null) throw new GgError("UNAUTHORIZED", "Invalid or expired reset token");
  await openPortal(ctx, account.endUser.orgId);
  const passwordHash = await ctx.passwords.hash(input.password);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.endUserAccounts.oneTimeTokens.consume(record.id, now))) throw new GgError("UNAUTHORIZED", "Invalid or expired reset token");
    await tx.endUserAccounts.setPassword(record.userId, passwordHash, now);
    await tx.endUserAccounts.refreshTokens.revokeAllForUser(record.userId, now);
    // The password itself never enters the log: only that it was set.
    await auditEndUser(tx, endUserOrigin(account.endUser, place), "end_user.password_set", account.endUser, null, now);
  });
}
