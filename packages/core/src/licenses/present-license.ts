import { toIso, toIsoOrNull } from "../clock.ts";
import { effectivePolicy } from "./license.ts";
import type { LicenseView } from "../records/license.ts";
import { licenseState } from "./state.ts";

/**
 * The license as the API shows it. Owner fields appear only when `includeOwner`
 * (dashboard always; management keys with end_user:read), and are absent otherwise.
 */
export function presentLicense(license: LicenseView, now: number, options: { includeOwner: boolean }) {
  const policy = effectivePolicy(license);
  const base = {
    id: license.id,
    key: license.key,
    productId: license.productId,
    status: license.status,
    state: licenseState(license, now),
    frozen: license.frozen,
    frozenAt: toIsoOrNull(license.frozenAt),
    expiresAt: toIsoOrNull(license.expiresAt),
    durationDays: license.durationDays,
    hwids: license.hwids,
    ips: license.ips,
    devices: license.devices.map((device) => ({
      hwid: device.hwid,
      name: device.name,
      platform: device.platform,
      firstSeenAt: toIso(device.firstSeenAt),
      lastSeenAt: toIso(device.lastSeenAt),
    })),
    maxHwids: policy.maxHwids,
    maxIps: policy.maxIps,
    policy,
    policyOverrides: license.policyOverrides,
    note: license.note,
    metadata: license.metadata,
    redeemedAt: toIsoOrNull(license.redeemedAt),
    lastAuthorizedAt: toIsoOrNull(license.lastAuthorizedAt),
    channels: license.channels,
    updatesUntil: toIsoOrNull(license.updatesUntil),
    createdAt: toIso(license.createdAt),
    updatedAt: toIso(license.updatedAt),
  };
  if (!options.includeOwner) return base;
  return {
    ...base,
    endUserId: license.endUserId,
    endUserUsername: license.owner?.username ?? null,
    endUserEmail: license.owner?.email ?? null,
  };
}
export type PublicLicense = ReturnType<typeof presentLicense>;
