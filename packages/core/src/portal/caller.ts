import type { GgContext } from "../context.ts";
import type { EndUserClaims } from "../auth/access-tokens.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import type { PortalSettings } from "../records/portal.ts";
import { GgError } from "../errors/gg-error.ts";
import { openPortal } from "./settings.ts";

/** The end user behind a verified portal token, and their org's portal settings. */
export interface PortalCaller {
  endUser: EndUserRecord;
  settings: PortalSettings;
}

/**
 * Checked on every self-service route after the token: the org's portal must be on
 * (403 PORTAL_DISABLED), and the end user must still exist in the token's org.
 */
export async function portalCaller(ctx: GgContext, claims: EndUserClaims): Promise<PortalCaller> {
  const settings = await openPortal(ctx, claims.orgId);
  const account = await ctx.store.endUserAccounts.findById(claims.endUserId);
  if (account === null || account.endUser.orgId !== claims.orgId) throw new GgError("UNAUTHORIZED", "Invalid or expired access token");
  return { endUser: account.endUser, settings };
}
