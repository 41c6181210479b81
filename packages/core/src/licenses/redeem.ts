import type { GgContext } from "../context.ts";
import type { Store } from "../ports/store.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import { patchedView } from "./license.ts";
import type { LicenseView } from "../records/license.ts";
import { GgError } from "../errors/gg-error.ts";
import { assertCan } from "../orgs/roles.ts";
import { newEndUser } from "../endusers/manage-end-users.ts";
import { endUserOfOrg } from "./create-licenses.ts";
import { licenseState } from "./state.ts";
import { normalizeLicenseKey } from "./license-key.ts";
import { startClock } from "./time-rules.ts";
import type { RedeemInput } from "./schemas.ts";
import { recordEndUserCreated, recordLicenseEvent } from "../webhooks/record-event.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { endUserAuditChange } from "../endusers/end-user-audit.ts";
import { licenseAuditChange, licenseChanges } from "./license-audit.ts";

/** The one license the key names among the caller's orgs (and product, when given). */
async function findRedeemable(ctx: GgContext, userId: string, input: RedeemInput) {
  const matches = await ctx.store.licenses.findByKeyForUser(normalizeLicenseKey(input.key), userId, input.productId);
  if (matches.length === 0) throw new GgError("LICENSE_NOT_FOUND", "No license with this key");
  if (matches.length > 1) throw new GgError("CONFLICT", "This key exists in several of your products; pass productId");
  const match = matches[0]!;
  assertCan(match.role, "manageLicenses");
  if (match.license.endUserId !== null) throw new GgError("CONFLICT", "This license is already redeemed by an end user");
  if (licenseState(match.license, ctx.clock.now()) === "revoked") throw new GgError("LICENSE_REVOKED", "This license is revoked");
  return match;
}

/**
 * Assigns an unowned license to an end user (existing, or created on the spot by
 * username) and starts its duration clock. The owner is set by a guarded write, so of
 * two concurrent redeems exactly one wins.
 */
export async function redeemLicense(ctx: ActingContext, userId: string, input: RedeemInput): Promise<LicenseView> {
  if ((input.endUserId === undefined) === (input.endUser === undefined)) {
    throw new GgError("VALIDATION_ERROR", "Pass exactly one of endUserId or endUser", {
      details: [{ path: "/endUserId", message: "Exactly one of endUserId or endUser is required" }],
    });
  }
  const { license, orgId } = await findRedeemable(ctx, userId, input);
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    let owner: EndUserRecord;
    if (input.endUserId !== undefined) {
      owner = await endUserOfOrg({ ...ctx, store: tx }, orgId, input.endUserId);
    } else {
      const existing = (await tx.endUsers.list({ kind: "org", orgId }, { username: input.endUser!.username }, { offset: 0, limit: 1 })).items[0];
      owner = existing ?? newEndUser(ctx, orgId, input.endUser!);
      if (existing === undefined) {
        await tx.endUsers.insert(owner);
        await recordEndUserCreated(tx, owner, now);
        await recordAudit(tx, ctx.origin, endUserAuditChange("end_user.created", owner, null), now);
      }
    }
    const redeemed = await assignToOwner(tx, license, owner, now);
    await recordAudit(tx, ctx.origin, licenseAuditChange("license.redeemed", license, orgId, licenseChanges(license, redeemed)), now);
    return redeemed;
  });
}

/**
 * Inside the caller's transaction: makes `owner` the owner of the unowned license, starts
 * its duration clock and records license.redeemed. The owner is set by a guarded write,
 * so of two concurrent redeems exactly one wins (the other gets CONFLICT). The vendor's
 * redeem above and the portal's (portal/my-licenses.ts) both end here.
 */
export async function assignToOwner(tx: Store, license: LicenseView, owner: EndUserRecord, now: number): Promise<LicenseView> {
  const patch = { endUserId: owner.id, redeemedAt: now, ...startClock(license, now) };
  if (!(await tx.licenses.assignOwner(license.id, patch, now))) {
    throw new GgError("CONFLICT", "This license is already redeemed by an end user");
  }
  const redeemed = { ...patchedView(license, patch, now), owner: { id: owner.id, username: owner.username, email: owner.email } };
  await recordLicenseEvent(tx, "license.redeemed", redeemed, now);
  return redeemed;
}
