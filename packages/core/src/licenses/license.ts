import type { LicenseDevice, LicenseRecord, LicenseView } from "../records/license.ts";
import type { ProductPolicy } from "../products/policy.ts";

/** Devices for HWIDs bound at `at` with nothing reported about them (create, import). */
export function newDevices(hwids: readonly string[], at: number): LicenseDevice[] {
  return hwids.map((hwid) => ({ hwid, name: null, platform: null, firstSeenAt: at, lastSeenAt: at }));
}

/**
 * The view after a stored patch: the patch's fields, and the devices that are still bound
 * when it replaces `hwids` (a reset clears them).
 */
export function patchedView<V extends LicenseView>(license: V, patch: Partial<LicenseRecord>, now: number): V {
  const devices = patch.hwids === undefined ? license.devices : license.devices.filter((device) => patch.hwids!.includes(device.hwid));
  return { ...license, ...patch, devices, updatedAt: now };
}

/** The policy in force for this license: product defaults, then the license's overrides. */
export function effectivePolicy(license: Pick<LicenseView, "policyOverrides" | "productPolicy" | "durationDays">): ProductPolicy {
  return { ...license.productPolicy, ...license.policyOverrides, durationDays: license.durationDays };
}
