import { assertTimestampInRange } from "../schemas/timestamp.ts";
import type { LicensePatch } from "../ports/licenses.ts";
import { patchedView } from "./license.ts";
import type { LicenseView } from "../records/license.ts";
import type { PatchLicenseInput } from "./schemas.ts";
import { freeze, unfreeze } from "./time-rules.ts";
import { assertMetadataSize } from "./metadata.ts";
import { endUserOfOrg } from "./create-licenses.ts";
import { recordLicenseEvent } from "../webhooks/record-event.ts";
import type { Store } from "../ports/store.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { licenseAuditChange, licenseChanges, licenseDeletion } from "./license-audit.ts";

/** Pure: the stored change a PATCH body asks for, with freeze arithmetic applied. */
export function licensePatchFor(license: LicenseView, input: PatchLicenseInput, now: number): LicensePatch {
  const patch: LicensePatch = {};
  if (input.status !== undefined) patch.status = input.status;
  if (input.expiresAt !== undefined) patch.expiresAt = input.expiresAt === null ? null : assertTimestampInRange(Date.parse(input.expiresAt), "/expiresAt");
  if (input.durationDays !== undefined) patch.durationDays = input.durationDays;
  if (input.frozen !== undefined) {
    const clock = { ...license, ...patch };
    Object.assign(patch, (input.frozen ? freeze(clock, now) : unfreeze(clock, now)) ?? {});
  }
  if (input.policy !== undefined || input.maxHwids !== undefined || input.maxIps !== undefined) {
    patch.policyOverrides = {
      ...license.policyOverrides,
      ...input.policy,
      ...(input.maxHwids !== undefined ? { maxHwids: input.maxHwids } : {}),
      ...(input.maxIps !== undefined ? { maxIps: input.maxIps } : {}),
    };
  }
  if (input.note !== undefined) patch.note = input.note;
  if (input.metadata !== undefined) patch.metadata = input.metadata;
  if (input.endUserId !== undefined) patch.endUserId = input.endUserId;
  if (input.channels !== undefined) patch.channels = input.channels;
  if (input.updatesUntil !== undefined) patch.updatesUntil = input.updatesUntil === null ? null : assertTimestampInRange(Date.parse(input.updatesUntil), "/updatesUntil");
  return patch;
}

/** Applies a PATCH to a license the caller may update; returns the license as stored. */
export async function patchLicense(ctx: ActingContext, license: LicenseView, orgId: string, input: PatchLicenseInput): Promise<LicenseView> {
  assertMetadataSize(input.metadata);
  const owner = input.endUserId ? await endUserOfOrg(ctx, orgId, input.endUserId) : undefined;
  const now = ctx.clock.now();
  const patch = licensePatchFor(license, input, now);
  const ownerView = owner ? { id: owner.id, username: owner.username, email: owner.email } : input.endUserId === null ? null : license.owner;
  const updated: LicenseView = { ...patchedView(license, patch, now), owner: ownerView };
  await ctx.store.transaction(async (tx) => {
    await tx.licenses.update(license.id, patch, now);
    await recordLicenseEvent(tx, "license.updated", updated, now, { changes: Object.keys(patch) });
    await recordLifecycleEvents(tx, license, updated, now);
    const changes = licenseChanges(license, updated);
    if (changes !== null) await recordAudit(tx, ctx.origin, licenseAuditChange("license.updated", license, orgId, changes), now);
  });
  return updated;
}

/**
 * A PATCH that revokes, unrevokes, freezes or unfreezes also emits that event, so a
 * receiver subscribed to license.revoked hears of every revocation, however it was made.
 */
async function recordLifecycleEvents(tx: Store, before: LicenseView, after: LicenseView, now: number): Promise<void> {
  if (before.status !== after.status) await recordLicenseEvent(tx, after.status === "revoked" ? "license.revoked" : "license.unrevoked", after, now);
  if (before.frozen !== after.frozen) await recordLicenseEvent(tx, after.frozen ? "license.frozen" : "license.unfrozen", after, now);
}

export type LicenseAction = "revoke" | "unrevoke" | "reset_hwid" | "reset_ip";

/** Pure: the change one of the per-license actions makes. */
export function actionPatch(action: LicenseAction): LicensePatch {
  switch (action) {
    case "revoke":
      return { status: "revoked" };
    case "unrevoke":
      return { status: "active" };
    case "reset_hwid":
      return { hwids: [] };
    case "reset_ip":
      return { ips: [] };
  }
}

const ACTION_EVENT = { revoke: "license.revoked", unrevoke: "license.unrevoked", reset_hwid: "license.hwid_reset", reset_ip: "license.ip_reset" } as const;

/** Pure: whether the action changes anything (revoking a revoked license does not, and emits nothing). */
function actionChanges(license: LicenseView, action: LicenseAction): boolean {
  if (action === "revoke" || action === "unrevoke") return actionPatch(action).status !== license.status;
  return true;
}

/** revoke / unrevoke / reset-hwid / reset-ip on one license; resets report the values they cleared. */
export async function applyLicenseAction(ctx: ActingContext, license: LicenseView, orgId: string, action: LicenseAction): Promise<LicenseView> {
  const now = ctx.clock.now();
  const patch = actionPatch(action);
  const updated = patchedView(license, patch, now);
  const extra = action === "reset_hwid" ? { cleared: license.hwids } : action === "reset_ip" ? { cleared: license.ips } : undefined;
  await ctx.store.transaction(async (tx) => {
    await tx.licenses.update(license.id, patch, now);
    if (actionChanges(license, action)) {
      await recordLicenseEvent(tx, ACTION_EVENT[action], updated, now, extra);
      await recordAudit(tx, ctx.origin, licenseAuditChange(ACTION_EVENT[action], license, orgId, licenseChanges(license, updated)), now);
    }
  });
  return updated;
}

export async function deleteLicense(ctx: ActingContext, license: LicenseView, orgId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    await tx.licenses.deleteMany([license.id]);
    await recordLicenseEvent(tx, "license.deleted", license, now);
    await recordAudit(tx, ctx.origin, licenseAuditChange("license.deleted", license, orgId, licenseDeletion(license)), now);
  });
}
