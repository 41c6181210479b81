import type { GgContext } from "../context.ts";
import type { LicensePatch } from "../ports/licenses.ts";
import type { LicenseView } from "./license.ts";
import type { PatchLicenseInput } from "./schemas.ts";
import { freeze, unfreeze } from "./time-rules.ts";
import { assertMetadataSize } from "./metadata.ts";
import { endUserOfOrg } from "./create-licenses.ts";

/** Pure: the stored change a PATCH body asks for, with freeze arithmetic applied. */
export function licensePatchFor(license: LicenseView, input: PatchLicenseInput, now: number): LicensePatch {
  const patch: LicensePatch = {};
  if (input.status !== undefined) patch.status = input.status;
  if (input.expiresAt !== undefined) patch.expiresAt = input.expiresAt === null ? null : Date.parse(input.expiresAt);
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
  return patch;
}

/** Applies a PATCH to a license the caller may update; returns the license as stored. */
export async function patchLicense(ctx: GgContext, license: LicenseView, orgId: string, input: PatchLicenseInput): Promise<LicenseView> {
  assertMetadataSize(input.metadata);
  const owner = input.endUserId ? await endUserOfOrg(ctx, orgId, input.endUserId) : undefined;
  const now = ctx.clock.now();
  const patch = licensePatchFor(license, input, now);
  await ctx.store.transaction((tx) => tx.licenses.update(license.id, patch, now));
  const ownerView = owner ? { id: owner.id, username: owner.username, email: owner.email } : input.endUserId === null ? null : license.owner;
  return { ...license, ...patch, owner: ownerView, updatedAt: now };
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

/** revoke / unrevoke / reset-hwid / reset-ip on one license. */
export async function applyLicenseAction(ctx: GgContext, license: LicenseView, action: LicenseAction): Promise<LicenseView> {
  const now = ctx.clock.now();
  const patch = actionPatch(action);
  await ctx.store.transaction((tx) => tx.licenses.update(license.id, patch, now));
  return { ...license, ...patch, updatedAt: now };
}

export async function deleteLicense(ctx: GgContext, license: LicenseView): Promise<void> {
  await ctx.store.transaction((tx) => tx.licenses.deleteMany([license.id]));
}
