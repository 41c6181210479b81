import type { GgContext } from "../context.ts";
import type { ActingContext } from "../audit/actor.ts";
import { auditLicense } from "./audit.ts";
import type { LicenseView } from "../records/license.ts";
import { GgError } from "../errors/gg-error.ts";
import { toIso } from "../clock.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { patchedView } from "../licenses/license.ts";
import { recordLicenseEvent } from "../webhooks/record-event.ts";
import type { PortalCaller } from "./caller.ts";
import { myLicense } from "./my-licenses.ts";
import { nextSelfResetAt, selfResetLimits } from "./self-reset-rule.ts";

/**
 * Unbinds HWIDs of the caller's license, within the org's self-service limits: the
 * reset is claimed by a guarded insert in the same transaction as the unbinding, so
 * concurrent requests cannot exceed them. Emits license.hwid_reset like the vendor's
 * reset, with the HWIDs it cleared.
 */
async function unbind(ctx: ActingContext, caller: PortalCaller, license: LicenseView, keep: string[]): Promise<LicenseView> {
  const limits = selfResetLimits(caller.settings);
  if (limits.maxInWindow === 0) throw new GgError("PERMISSION_DENIED", "This portal does not allow self-service device resets");
  const now = ctx.clock.now();
  const patch = { hwids: keep };
  const updated = patchedView(license, patch, now);
  const cleared = license.hwids.filter((hwid) => !keep.includes(hwid));
  await ctx.store.transaction(async (tx) => {
    const claim = { id: uuidv7(now), licenseId: license.id, endUserId: caller.endUser.id, at: now };
    if (!(await tx.selfResets.claim(claim, limits))) {
      const next = nextSelfResetAt(await tx.selfResets.since(license.id, now - limits.windowMs), now, limits) ?? now + 1000;
      throw new GgError("RESET_COOLDOWN", `Device resets of this license are limited; the next is allowed at ${toIso(next)}`, {
        details: [{ path: "nextAllowedAt", message: toIso(next) }],
        retryAfterSeconds: Math.max(1, Math.ceil((next - now) / 1000)),
      });
    }
    await tx.licenses.update(license.id, patch, now);
    await recordLicenseEvent(tx, "license.hwid_reset", updated, now, { cleared });
    await auditLicense(tx, ctx.origin, "license.hwid_reset", updated, caller.endUser.orgId, { hwids: [license.hwids, keep] }, now);
  });
  return updated;
}

/** POST /v1/enduser/licenses/:id/reset-hwid: every device of the license. */
export async function resetMyHwids(ctx: ActingContext, caller: PortalCaller, licenseId: string): Promise<LicenseView> {
  return unbind(ctx, caller, await myLicense(ctx, caller, licenseId), []);
}

/** DELETE /v1/enduser/licenses/:id/hwids/:hwid: one device; the others stay bound. */
export async function deactivateMyDevice(ctx: ActingContext, caller: PortalCaller, licenseId: string, hwid: string): Promise<LicenseView> {
  const license = await myLicense(ctx, caller, licenseId);
  if (!license.hwids.includes(hwid)) throw new GgError("NOT_FOUND", "No device with this HWID on this license");
  return unbind(ctx, caller, license, license.hwids.filter((bound) => bound !== hwid));
}

/** When the caller's next self-service reset of the license is allowed (null: now). */
export async function nextResetOf(ctx: GgContext, caller: PortalCaller, licenseId: string): Promise<number | null> {
  const now = ctx.clock.now();
  const limits = selfResetLimits(caller.settings);
  return nextSelfResetAt(await ctx.store.selfResets.since(licenseId, now - limits.windowMs), now, limits);
}
