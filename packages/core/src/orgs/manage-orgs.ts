import type { GgContext } from "../context.ts";
import type { ActingContext } from "../audit/actor.ts";
import type { OrgMembership } from "../records/org.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { orgAccess } from "./org-access.ts";

const orgResource = (orgId: string) => ({ resource: { type: "org", id: orgId }, orgId, productId: null });

/** Creates an org owned by the caller. */
export async function createOrg(ctx: ActingContext, userId: string, name: string): Promise<OrgMembership> {
  const now = ctx.clock.now();
  const org = { id: uuidv7(now), name: name.trim(), createdAt: now, updatedAt: now };
  await ctx.store.transaction(async (tx) => {
    await tx.orgs.insertWithOwner(org, userId);
    await recordAudit(tx, ctx.origin, { action: "org.created", ...orgResource(org.id), changes: { name: [null, org.name] } }, now);
  });
  return { org, role: "owner" };
}

export function listOrgs(ctx: GgContext, userId: string): Promise<OrgMembership[]> {
  return ctx.store.orgs.listForUser(userId);
}

export function getOrg(ctx: GgContext, userId: string, orgId: string): Promise<OrgMembership> {
  return orgAccess(ctx, userId, orgId, "read");
}

export async function renameOrg(ctx: ActingContext, userId: string, orgId: string, name: string): Promise<OrgMembership> {
  const membership = await orgAccess(ctx, userId, orgId, "updateOrg");
  const now = ctx.clock.now();
  const renamed = name.trim();
  await ctx.store.transaction(async (tx) => {
    await tx.orgs.update(orgId, { name: renamed }, now);
    if (renamed !== membership.org.name) {
      await recordAudit(tx, ctx.origin, { action: "org.updated", ...orgResource(orgId), changes: { name: [membership.org.name, renamed] } }, now);
    }
  });
  return { role: membership.role, org: { ...membership.org, name: renamed, updatedAt: now } };
}

/** Owner only; products and everything below them go in the same transaction, the org's audit log with them. */
export async function deleteOrg(ctx: GgContext, userId: string, orgId: string): Promise<void> {
  await orgAccess(ctx, userId, orgId, "deleteOrg");
  await ctx.store.orgs.delete(orgId);
}
