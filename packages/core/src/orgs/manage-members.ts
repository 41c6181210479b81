import type { GgContext } from "../context.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { OrgMemberRecord } from "../records/org.ts";
import { GgError } from "../errors/gg-error.ts";
import { normalizeEmail } from "../auth/schemas.ts";
import { recordMemberJoined, recordMemberRemoved, recordMemberRoleChanged, recordOwnershipTransferred } from "../webhooks/record-event.ts";
import { orgAccess } from "./org-access.ts";
import { assertMemberAction } from "./member-rules.ts";
import type { OrgRole } from "./roles.ts";

type AssignableRole = Exclude<OrgRole, "owner">;

const memberResource = (orgId: string, memberId: string) => ({ resource: { type: "member", id: memberId }, orgId, productId: null });

/**
 * Members of an org. `userId` is the dashboard user making the change (`ctx.origin` names
 * them for the audit log). Who may do what to whom is decided by member-rules.ts; every
 * write is guarded on the role it was decided on, so a concurrent change makes it fail
 * instead of breaking a rule (an org never ends up without its one owner). Each change
 * commits with its webhook event and its audit entry.
 */

export async function listMembers(ctx: GgContext, userId: string, orgId: string): Promise<OrgMemberRecord[]> {
  await orgAccess(ctx, userId, orgId, "read");
  return ctx.store.members.list(orgId);
}

/** Adds an existing account by email; ownership only moves by transfer. */
export async function addMember(ctx: ActingContext, userId: string, orgId: string, email: string, role: AssignableRole) {
  await orgAccess(ctx, userId, orgId, "manageMembers");
  const user = await ctx.store.users.findByEmail(normalizeEmail(email));
  if (user === null) throw new GgError("NOT_FOUND", "No account with this email; ask them to register first, or invite them");
  const now = ctx.clock.now();
  const member: OrgMemberRecord = { orgId, userId: user.id, email: user.email, name: user.name, role, createdAt: now };
  await ctx.store.transaction(async (tx) => {
    await tx.members.insert(orgId, user.id, role, now);
    await recordMemberJoined(tx, member, null, now);
    await recordAudit(tx, ctx.origin, { action: "member.joined", ...memberResource(orgId, user.id), changes: { role: [null, role] } }, now);
  });
  return member;
}

async function memberOf(ctx: GgContext, orgId: string, memberId: string): Promise<OrgMemberRecord> {
  const member = await ctx.store.members.find(orgId, memberId);
  if (member === null) throw new GgError("NOT_FOUND", "Member not found");
  return member;
}

const changedMeanwhile = () => new GgError("CONFLICT", "The member changed meanwhile; reload and try again");

export async function changeMemberRole(ctx: ActingContext, userId: string, orgId: string, memberId: string, role: AssignableRole) {
  const { role: actorRole } = await orgAccess(ctx, userId, orgId, "manageMembers");
  const member = await memberOf(ctx, orgId, memberId);
  assertMemberAction(actorRole, member.role, "changeRole");
  if (member.role === role) return member;
  const now = ctx.clock.now();
  const changed = { ...member, role };
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.members.changeRole(orgId, memberId, member.role, role))) throw changedMeanwhile();
    await recordMemberRoleChanged(tx, changed, member.role, now);
    await recordAudit(tx, ctx.origin, { action: "member.role_changed", ...memberResource(orgId, memberId), changes: { role: [member.role, role] } }, now);
  });
  return changed;
}

export async function removeMember(ctx: ActingContext, userId: string, orgId: string, memberId: string): Promise<void> {
  const { role: actorRole } = await orgAccess(ctx, userId, orgId, "manageMembers");
  const member = await memberOf(ctx, orgId, memberId);
  assertMemberAction(actorRole, member.role, "remove");
  await removeGuarded(ctx, member, "removed");
}

/** Any member but the owner leaves the org (the owner transfers ownership first). */
export async function leaveOrg(ctx: ActingContext, userId: string, orgId: string): Promise<void> {
  const { role } = await orgAccess(ctx, userId, orgId, "read");
  assertMemberAction(role, role, "leave");
  await removeGuarded(ctx, await memberOf(ctx, orgId, userId), "left");
}

async function removeGuarded(ctx: ActingContext, member: OrgMemberRecord, reason: "removed" | "left"): Promise<void> {
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.members.removeNonOwner(member.orgId, member.userId))) throw changedMeanwhile();
    await recordMemberRemoved(tx, member, reason, now);
    const changes = { role: [member.role, null] as [unknown, unknown] };
    await recordAudit(tx, ctx.origin, { action: "member.removed", ...memberResource(member.orgId, member.userId), changes }, now);
  });
}

/** The owner hands the org to another member and stays on as admin. */
export async function transferOwnership(ctx: ActingContext, userId: string, orgId: string, newOwnerId: string): Promise<void> {
  const { role: actorRole } = await orgAccess(ctx, userId, orgId, "transferOwnership");
  if (newOwnerId === userId) return;
  const next = await memberOf(ctx, orgId, newOwnerId);
  assertMemberAction(actorRole, next.role, "transferOwnership");
  const previous = await memberOf(ctx, orgId, userId);
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    // Both guarded: of two transfers racing, one finds the caller no longer the owner.
    if (!(await tx.members.changeRole(orgId, userId, "owner", "admin"))) throw changedMeanwhile();
    if (!(await tx.members.changeRole(orgId, newOwnerId, next.role, "owner"))) throw changedMeanwhile();
    await recordOwnershipTransferred(tx, { ...previous, role: "admin" }, { ...next, role: "owner" }, now);
    const changes = { ownerId: [userId, newOwnerId] as [unknown, unknown] };
    await recordAudit(tx, ctx.origin, { action: "org.ownership_transferred", resource: { type: "org", id: orgId }, orgId, productId: null, changes }, now);
  });
}
