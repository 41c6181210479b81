import type { GgContext } from "../context.ts";
import type { InviteRecord, InviteRole, ReceivedInviteRecord } from "../records/invite.ts";
import type { OrgMemberRecord } from "../records/org.ts";
import type { UserRecord } from "../records/user.ts";
import { GgError } from "../errors/gg-error.ts";
import { hashOpaqueToken } from "../auth/opaque-tokens.ts";
import { recordMemberJoined } from "../webhooks/record-event.ts";
import { isOpen } from "./invite-status.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudit, recordAudits } from "../audit/record-audit.ts";
import { inviteResource } from "./manage-invites.ts";

/**
 * The invitee's side (docs/team-and-audit.md#invitations-and-roles). A token that is
 * unknown, used, declined, revoked, expired, replaced by a resend, or whose org is gone
 * is 401 UNAUTHORIZED with one message; only then is the caller's email
 * checked (403 PERMISSION_DENIED). Nothing is written unless every check passes.
 */

const deadToken = () => new GgError("UNAUTHORIZED", "Invalid, used or expired invitation token");

/** The open invite this token belongs to, or 401. */
export async function openInviteByToken(ctx: GgContext, token: string): Promise<InviteRecord> {
  const invite = await ctx.store.invites.findByTokenHash(hashOpaqueToken(token));
  if (invite === null || !isOpen(invite, ctx.clock.now())) throw deadToken();
  return invite;
}

/** The caller, who must have verified the very address the invite went to. */
async function invitee(ctx: GgContext, userId: string, invite: InviteRecord): Promise<UserRecord> {
  const user = await ctx.store.users.findById(userId);
  if (user === null) throw new GgError("UNAUTHORIZED", "Unknown account");
  if (user.emailVerifiedAt === null) {
    throw new GgError("PERMISSION_DENIED", "Verify your email address first, then accept the invitation");
  }
  if (user.email !== invite.email) throw new GgError("PERMISSION_DENIED", "This invitation was sent to another email address");
  return user;
}

/** Pending invites to the caller's address; none until that address is verified. */
export async function listMyInvites(ctx: GgContext, userId: string): Promise<ReceivedInviteRecord[]> {
  const user = await ctx.store.users.findById(userId);
  if (user === null || user.emailVerifiedAt === null) return [];
  return ctx.store.invites.listPendingForEmail(user.email, ctx.clock.now());
}

/** Joins the org with the invite's role; the token is used up in the same transaction. */
export async function acceptInvite(ctx: ActingContext, userId: string, input: { token: string }): Promise<{ orgId: string; role: InviteRole }> {
  const invite = await openInviteByToken(ctx, input.token);
  const user = await invitee(ctx, userId, invite);
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.invites.respond(invite.id, invite.tokenHash, "accepted", now))) throw deadToken();
    await tx.members.insert(invite.orgId, user.id, invite.role, now);
    const member: OrgMemberRecord = { orgId: invite.orgId, userId: user.id, email: user.email, name: user.name, role: invite.role, createdAt: now };
    await recordMemberJoined(tx, member, invite.id, now);
    // Two resources moved: the invite was used up, and the org gained a member.
    await recordAudits(tx, ctx.origin, [
      { action: "invite.accepted", ...inviteResource(invite), changes: { status: ["pending", "accepted"] } },
      { action: "member.joined", resource: { type: "member", id: user.id }, orgId: invite.orgId, productId: null, changes: { role: [null, invite.role] } },
    ], now);
  });
  return { orgId: invite.orgId, role: invite.role };
}

/** Turns the invitation down; the token stops working. */
export async function declineInvite(ctx: ActingContext, userId: string, input: { token: string }): Promise<InviteRecord> {
  const invite = await openInviteByToken(ctx, input.token);
  await invitee(ctx, userId, invite);
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.invites.respond(invite.id, invite.tokenHash, "declined", now))) throw deadToken();
    await recordAudit(tx, ctx.origin, { action: "invite.declined", ...inviteResource(invite), changes: { status: ["pending", "declined"] } }, now);
  });
  return { ...invite, status: "declined", updatedAt: now };
}
