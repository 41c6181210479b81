import type { GgContext } from "../context.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { toIso } from "../clock.ts";
import type { InviteRecord, InviteRole } from "../records/invite.ts";
import type { PageRequest, Pagination } from "../pagination/pagination.ts";
import { offsetOf, paginationOf } from "../pagination/pagination.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { normalizeEmail } from "../auth/schemas.ts";
import { orgAccess } from "../orgs/org-access.ts";
import { recordMemberInvited } from "../webhooks/record-event.ts";
import type { InviteStatus } from "./invite-status.ts";
import { INVITE_TTL_MS, newInviteToken } from "./invite-token.ts";
import { inviteMail } from "./invite-mail.ts";

/**
 * An org's side of invitations (admin and owner; docs/team-and-audit.md#invitations-and-roles).
 * `userId` is the dashboard user who makes the change (`ctx.origin` names them for the
 * audit log). Each change, its mail, its event and its audit entry commit in one
 * transaction. The token never reaches the log, the event or the answer.
 */

export const inviteResource = (invite: Pick<InviteRecord, "id" | "orgId">) => ({ resource: { type: "invite", id: invite.id }, orgId: invite.orgId, productId: null });

async function assertNotMember(ctx: GgContext, orgId: string, email: string): Promise<void> {
  const user = await ctx.store.users.findByEmail(email);
  if (user !== null && (await ctx.store.members.find(orgId, user.id)) !== null) {
    throw new GgError("CONFLICT", "This person is already a member of the organization");
  }
}

async function inviteMailFor(ctx: GgContext, userId: string, orgName: string, invite: InviteRecord, token: string) {
  const inviter = await ctx.store.users.findById(userId);
  return inviteMail({ invite, token, orgName, inviterEmail: inviter?.email ?? "An administrator", publicUrl: ctx.publicUrl });
}

/** Invites an email address with a role; 409 when it is already a member or has a pending invite. */
export async function createInvite(ctx: ActingContext, userId: string, orgId: string, input: { email: string; role: InviteRole }): Promise<InviteRecord> {
  const { org } = await orgAccess(ctx, userId, orgId, "manageMembers");
  const email = normalizeEmail(input.email);
  await assertNotMember(ctx, orgId, email);
  const now = ctx.clock.now();
  const { token, hash } = newInviteToken();
  const invite: InviteRecord = {
    id: uuidv7(now), orgId, email, role: input.role, status: "pending", tokenHash: hash,
    invitedBy: userId, expiresAt: now + INVITE_TTL_MS, createdAt: now, updatedAt: now,
  };
  const mail = await inviteMailFor(ctx, userId, org.name, invite, token);
  await ctx.store.transaction(async (tx) => {
    await tx.invites.supersedeExpired(orgId, email, now);
    await tx.invites.insert(invite);
    await tx.mail.send(mail);
    await recordMemberInvited(tx, invite, now);
    const changes = { email: [null, email], role: [null, invite.role], status: [null, "pending"] } satisfies Record<string, [unknown, unknown]>;
    await recordAudit(tx, ctx.origin, { action: "member.invited", ...inviteResource(invite), changes }, now);
  });
  return invite;
}

export async function listInvites(
  ctx: GgContext,
  userId: string,
  orgId: string,
  filter: { status?: InviteStatus },
  page: PageRequest,
): Promise<{ items: InviteRecord[]; pagination: Pagination }> {
  await orgAccess(ctx, userId, orgId, "manageMembers");
  const { items, total } = await ctx.store.invites.list(orgId, filter, { limit: page.pageSize, offset: offsetOf(page) }, ctx.clock.now());
  return { items, pagination: paginationOf(page, total) };
}

async function inviteInOrg(ctx: GgContext, orgId: string, inviteId: string): Promise<InviteRecord> {
  const invite = await ctx.store.invites.findInOrg(orgId, inviteId);
  if (invite === null) throw new GgError("NOT_FOUND", "Invite not found");
  return invite;
}

const notPending = (invite: InviteRecord) => new GgError("CONFLICT", `This invite was ${invite.status}; send a new one instead`);

/** A new token and a new week; the old token stops working at once. Works on pending and expired invites. */
export async function resendInvite(ctx: ActingContext, userId: string, orgId: string, inviteId: string): Promise<InviteRecord> {
  const { org } = await orgAccess(ctx, userId, orgId, "manageMembers");
  const invite = await inviteInOrg(ctx, orgId, inviteId);
  if (invite.status !== "pending" && invite.status !== "expired") throw notPending(invite);
  await assertNotMember(ctx, orgId, invite.email);
  const now = ctx.clock.now();
  const { token, hash } = newInviteToken();
  const renewed: InviteRecord = { ...invite, status: "pending", tokenHash: hash, invitedBy: userId, expiresAt: now + INVITE_TTL_MS, updatedAt: now };
  const mail = await inviteMailFor(ctx, userId, org.name, renewed, token);
  await ctx.store.transaction(async (tx) => {
    const reissued = await tx.invites.reissue(orgId, inviteId, { tokenHash: hash, expiresAt: renewed.expiresAt, invitedBy: userId }, now);
    if (!reissued) throw notPending((await tx.invites.findInOrg(orgId, inviteId)) ?? invite);
    await tx.mail.send(mail);
    const changes: Record<string, [unknown, unknown]> = { expiresAt: [toIso(invite.expiresAt), toIso(renewed.expiresAt)] };
    if (invite.status !== "pending") changes.status = [invite.status, "pending"];
    await recordAudit(tx, ctx.origin, { action: "invite.resent", ...inviteResource(invite), changes }, now);
  });
  return renewed;
}

/** Revokes a pending (or expired) invite; its token stops working. */
export async function revokeInvite(ctx: ActingContext, userId: string, orgId: string, inviteId: string): Promise<InviteRecord> {
  await orgAccess(ctx, userId, orgId, "manageMembers");
  const invite = await inviteInOrg(ctx, orgId, inviteId);
  if (invite.status !== "pending") throw notPending(invite);
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.invites.revoke(orgId, inviteId, now))) throw notPending((await tx.invites.findInOrg(orgId, inviteId)) ?? invite);
    await recordAudit(tx, ctx.origin, { action: "invite.revoked", ...inviteResource(invite), changes: { status: ["pending", "revoked"] } }, now);
  });
  return { ...invite, status: "revoked", updatedAt: now };
}
