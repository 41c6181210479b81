import type { GgContext } from "../context.ts";
import type { OrgMembership } from "../records/org.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { orgAccess } from "./org-access.ts";

/** Creates an org owned by the caller. */
export async function createOrg(ctx: GgContext, userId: string, name: string): Promise<OrgMembership> {
  const now = ctx.clock.now();
  const org = { id: uuidv7(now), name: name.trim(), createdAt: now, updatedAt: now };
  await ctx.store.orgs.insertWithOwner(org, userId);
  return { org, role: "owner" };
}

export function listOrgs(ctx: GgContext, userId: string): Promise<OrgMembership[]> {
  return ctx.store.orgs.listForUser(userId);
}

export function getOrg(ctx: GgContext, userId: string, orgId: string): Promise<OrgMembership> {
  return orgAccess(ctx, userId, orgId, "read");
}

export async function renameOrg(ctx: GgContext, userId: string, orgId: string, name: string): Promise<OrgMembership> {
  const membership = await orgAccess(ctx, userId, orgId, "updateOrg");
  const now = ctx.clock.now();
  await ctx.store.orgs.update(orgId, { name: name.trim() }, now);
  return { role: membership.role, org: { ...membership.org, name: name.trim(), updatedAt: now } };
}

/** Owner only; products and everything below them go in the same transaction. */
export async function deleteOrg(ctx: GgContext, userId: string, orgId: string): Promise<void> {
  await orgAccess(ctx, userId, orgId, "deleteOrg");
  await ctx.store.orgs.delete(orgId);
}
