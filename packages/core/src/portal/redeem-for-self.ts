import type { GgContext } from "../context.ts";
import type { Store } from "../ports/store.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import type { LicenseView } from "../records/license.ts";
import { GgError } from "../errors/gg-error.ts";
import { normalizeLicenseKey } from "../licenses/license-key.ts";
import { licenseState } from "../licenses/state.ts";
import { assignToOwner } from "../licenses/redeem.ts";

/** The org's one license with this key that an end user may still redeem. */
export async function redeemableInOrg(ctx: GgContext, orgId: string, key: string): Promise<LicenseView> {
  const matches = await ctx.store.licenses.findByKeyInOrg(normalizeLicenseKey(key), orgId);
  if (matches.length === 0) throw new GgError("LICENSE_NOT_FOUND", "No license with this key");
  if (matches.length > 1) throw new GgError("CONFLICT", "This key exists in several products of the vendor; ask the vendor to redeem it for you");
  const license = matches[0]!;
  if (license.endUserId !== null) throw new GgError("CONFLICT", "This license is already redeemed by an end user");
  if (licenseState(license, ctx.clock.now()) === "revoked") throw new GgError("LICENSE_REVOKED", "This license is revoked");
  return license;
}

/** The vendor's redeem, for the caller themself: same guarded owner write, same license.redeemed event. */
export function redeemForSelf(tx: Store, license: LicenseView, endUser: EndUserRecord, now: number): Promise<LicenseView> {
  return assignToOwner(tx, license, endUser, now);
}
