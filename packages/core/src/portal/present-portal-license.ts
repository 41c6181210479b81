import { toIso, toIsoOrNull } from "../clock.ts";
import type { LicenseView } from "../records/license.ts";
import { effectivePolicy } from "../licenses/license.ts";
import { licenseState } from "../licenses/state.ts";

/** A license as its owner sees it in the portal: no vendor note, metadata or policy internals. */
export function presentPortalLicense(license: LicenseView, productName: string, liveSessions: number, now: number) {
  return {
    id: license.id,
    key: license.key,
    productId: license.productId,
    productName,
    state: licenseState(license, now),
    expiresAt: toIsoOrNull(license.expiresAt),
    redeemedAt: toIsoOrNull(license.redeemedAt),
    maxHwids: effectivePolicy(license).maxHwids,
    devices: license.devices.map((device) => ({
      hwid: device.hwid,
      name: device.name,
      platform: device.platform,
      firstSeenAt: toIso(device.firstSeenAt),
      lastSeenAt: toIso(device.lastSeenAt),
    })),
    liveSessions,
    createdAt: toIso(license.createdAt),
  };
}
export type PortalLicense = ReturnType<typeof presentPortalLicense>;
