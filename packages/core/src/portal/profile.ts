import type { ActingContext } from "../audit/actor.ts";
import { auditEndUser } from "./audit.ts";
import type { EndUserProfilePatch } from "../ports/portal.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import { GgError } from "../errors/gg-error.ts";
import type { PortalCaller } from "./caller.ts";
import type { UpdateEndUserMeInput } from "./schemas.ts";

/**
 * Changes the caller's username, email or password. A new password or email (the
 * account's recovery channel) needs the current password; a new password signs out
 * every other login (refresh tokens) of the end user.
 */
export async function updateEndUserMe(ctx: ActingContext, caller: PortalCaller, input: UpdateEndUserMeInput): Promise<EndUserRecord> {
  const me = caller.endUser;
  if (input.password !== undefined || input.email !== undefined) {
    if (input.currentPassword === undefined) {
      throw new GgError("VALIDATION_ERROR", "currentPassword is required to change the email or password", {
        details: [{ path: "/currentPassword", message: "Required with email or password" }],
      });
    }
    const account = await ctx.store.endUserAccounts.findById(me.id);
    if (account?.passwordHash == null || !(await ctx.passwords.verify(account.passwordHash, input.currentPassword))) {
      throw new GgError("INVALID_CREDENTIALS", "The current password is wrong");
    }
  }
  const passwordHash = input.password === undefined ? null : await ctx.passwords.hash(input.password);
  const patch: EndUserProfilePatch = {};
  if (input.username !== undefined) patch.username = input.username.trim();
  if (input.email !== undefined) patch.email = input.email.trim();
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    if (patch.email && (await tx.endUserAccounts.emailTaken(me.orgId, patch.email, me.id))) {
      throw new GgError("CONFLICT", "An end user with this email already exists in the organization");
    }
    if (Object.keys(patch).length > 0) await tx.endUserAccounts.updateProfile(me.id, patch, now);
    if (passwordHash !== null) {
      await tx.endUserAccounts.setPassword(me.id, passwordHash, now);
      await tx.endUserAccounts.refreshTokens.revokeAllForUser(me.id, now);
    }
    const changes: Record<string, [unknown, unknown]> = {};
    for (const field of ["username", "email"] as const) if (patch[field] !== undefined && patch[field] !== me[field]) changes[field] = [me[field], patch[field]];
    // A new password is recorded as changed, never with its value.
    if (passwordHash !== null) changes.password = ["(set)", "(changed)"];
    if (Object.keys(changes).length > 0) await auditEndUser(tx, ctx.origin, "end_user.updated", me, changes, now);
  });
  return { ...me, ...patch, updatedAt: now };
}
