import type { GgContext } from "../context.ts";
import type { OrgMemberRecord } from "../records/org.ts";
import { GgError } from "../errors/gg-error.ts";
import { normalizeEmail } from "../auth/schemas.ts";
import { orgAccess } from "./org-access.ts";
import type { OrgRole } from "./roles.ts";

type AssignableRole = Exclude<OrgRole, "owner">;

export async function listMembers(ctx: GgContext, userId: string, orgId: string): Promise<OrgMemberRecord[]> {
  await orgAccess(ctx, userId, orgId, "read");
  return ctx.store.members.list(orgId);
}

/** Adds an existing account by email; ownership only moves by transfer. */
export async function addMember(ctx: GgContext, userId: string, orgId: string, email: string, role: AssignableRole) {
  await orgAccess(ctx, userId, orgId, "manageMembers");
  const user = await ctx.store.users.findByEmail(normalizeEmail(email));
  if (user === null) throw new GgError("NOT_FOUND", "No account with this email; ask them to register first");
  await ctx.store.members.insert(orgId, user.id, role, ctx.clock.now());
  return (await ctx.store.members.find(orgId, user.id))!;
}

async function nonOwnerMember(ctx: GgContext, orgId: string, memberId: string): Promise<OrgMemberRecord> {
  const member = await ctx.store.members.find(orgId, memberId);
  if (member === null) throw new GgError("NOT_FOUND", "Member not found");
  if (member.role === "owner") throw new GgError("PERMISSION_DENIED", "The owner's role changes only by transferring ownership");
  return member;
}

export async function changeMemberRole(ctx: GgContext, userId: string, orgId: string, memberId: string, role: AssignableRole) {
  await orgAccess(ctx, userId, orgId, "manageMembers");
  const member = await nonOwnerMember(ctx, orgId, memberId);
  await ctx.store.members.setRole(orgId, memberId, role);
  return { ...member, role };
}

export async function removeMember(ctx: GgContext, userId: string, orgId: string, memberId: string): Promise<void> {
  await orgAccess(ctx, userId, orgId, "manageMembers");
  await nonOwnerMember(ctx, orgId, memberId);
  await ctx.store.members.remove(orgId, memberId);
}

/** The owner hands the org to another member and stays on as admin. */
export async function transferOwnership(ctx: GgContext, userId: string, orgId: string, newOwnerId: string): Promise<void> {
  await orgAccess(ctx, userId, orgId, "transferOwnership");
  if (newOwnerId === userId) return;
  await nonOwnerMember(ctx, orgId, newOwnerId);
  await ctx.store.transaction(async (tx) => {
    await tx.members.setRole(orgId, newOwnerId, "owner");
    await tx.members.setRole(orgId, userId, "admin");
  });
}
