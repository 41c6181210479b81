import type { GgContext } from "../context.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { OrgMemberRecord } from "../records/org.ts";
import { GgError } from "../errors/gg-error.ts";
import { normalizeEmail } from "../auth/schemas.ts";
import { orgAccess } from "./org-access.ts";
import type { OrgRole } from "./roles.ts";

type AssignableRole = Exclude<OrgRole, "owner">;

const memberResource = (orgId: string, memberId: string) => ({ resource: { type: "member", id: memberId }, orgId, productId: null });

export async function listMembers(ctx: GgContext, userId: string, orgId: string): Promise<OrgMemberRecord[]> {
  await orgAccess(ctx, userId, orgId, "read");
  return ctx.store.members.list(orgId);
}

/** Adds an existing account by email; ownership only moves by transfer. */
export async function addMember(ctx: ActingContext, userId: string, orgId: string, email: string, role: AssignableRole) {
  await orgAccess(ctx, userId, orgId, "manageMembers");
  const user = await ctx.store.users.findByEmail(normalizeEmail(email));
  if (user === null) throw new GgError("NOT_FOUND", "No account with this email; ask them to register first");
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    await tx.members.insert(orgId, user.id, role, now);
    await recordAudit(tx, ctx.origin, { action: "member.joined", ...memberResource(orgId, user.id), changes: { role: [null, role] } }, now);
  });
  return (await ctx.store.members.find(orgId, user.id))!;
}

async function nonOwnerMember(ctx: GgContext, orgId: string, memberId: string): Promise<OrgMemberRecord> {
  const member = await ctx.store.members.find(orgId, memberId);
  if (member === null) throw new GgError("NOT_FOUND", "Member not found");
  if (member.role === "owner") throw new GgError("PERMISSION_DENIED", "The owner's role changes only by transferring ownership");
  return member;
}

export async function changeMemberRole(ctx: ActingContext, userId: string, orgId: string, memberId: string, role: AssignableRole) {
  await orgAccess(ctx, userId, orgId, "manageMembers");
  const member = await nonOwnerMember(ctx, orgId, memberId);
  await ctx.store.transaction(async (tx) => {
    await tx.members.setRole(orgId, memberId, role);
    if (member.role !== role) {
      await recordAudit(tx, ctx.origin, { action: "member.role_changed", ...memberResource(orgId, memberId), changes: { role: [member.role, role] } }, ctx.clock.now());
    }
  });
  return { ...member, role };
}

export async function removeMember(ctx: ActingContext, userId: string, orgId: string, memberId: string): Promise<void> {
  await orgAccess(ctx, userId, orgId, "manageMembers");
  const member = await nonOwnerMember(ctx, orgId, memberId);
  await ctx.store.transaction(async (tx) => {
    await tx.members.remove(orgId, memberId);
    await recordAudit(tx, ctx.origin, { action: "member.removed", ...memberResource(orgId, memberId), changes: { role: [member.role, null] } }, ctx.clock.now());
  });
}

/** The owner hands the org to another member and stays on as admin. */
export async function transferOwnership(ctx: ActingContext, userId: string, orgId: string, newOwnerId: string): Promise<void> {
  await orgAccess(ctx, userId, orgId, "transferOwnership");
  if (newOwnerId === userId) return;
  await nonOwnerMember(ctx, orgId, newOwnerId);
  await ctx.store.transaction(async (tx) => {
    await tx.members.setRole(orgId, newOwnerId, "owner");
    await tx.members.setRole(orgId, userId, "admin");
    await recordAudit(
      tx,
      ctx.origin,
      { action: "org.ownership_transferred", resource: { type: "org", id: orgId }, orgId, productId: null, changes: { ownerId: [userId, newOwnerId] } },
      ctx.clock.now(),
    );
  });
}
