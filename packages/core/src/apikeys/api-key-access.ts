import type { GgContext } from "../context.ts";
import type { ApiKeyRecord } from "../records/api-key.ts";
import { GgError } from "../errors/gg-error.ts";
import { assertCan, type OrgAction } from "../orgs/roles.ts";

/**
 * A key addressed by id on a dashboard route, checked for `action`. A key of an org the
 * caller is not in answers exactly like a missing one (404), so ids cannot be probed.
 * With the org of its product (the audit log's).
 */
export async function apiKeyAccess(ctx: GgContext, userId: string, id: string, action: OrgAction): Promise<{ apiKey: ApiKeyRecord; orgId: string }> {
  const access = await ctx.store.apiKeys.findAccess(id, userId);
  if (access === null || access.role === null) throw new GgError("NOT_FOUND", "API key not found");
  assertCan(access.role, action);
  return { apiKey: access.apiKey, orgId: access.orgId };
}
