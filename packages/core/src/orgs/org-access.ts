import type { GgContext } from "../context.ts";
import type { OrgMembership } from "../records/org.ts";
import { GgError } from "../errors/gg-error.ts";
import { assertCan, type OrgAction } from "./roles.ts";

/**
 * The caller's membership of an org, checked for `action`. Another tenant's org is
 * 403 FORBIDDEN (docs/licenses.md#tenancy-403-or-404), an org that does not exist is 404.
 */
export async function orgAccess(ctx: GgContext, userId: string, orgId: string, action: OrgAction): Promise<OrgMembership> {
  const membership = await ctx.store.orgs.findMembership(orgId, userId);
  if (membership === null) {
    if (await ctx.store.orgs.exists(orgId)) throw new GgError("FORBIDDEN", "You do not have access to this organization");
    throw new GgError("NOT_FOUND", "Organization not found");
  }
  assertCan(membership.role, action);
  return membership;
}
