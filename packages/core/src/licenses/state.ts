import type { LicenseRecord } from "../records/license.ts";

export type LicenseState = "revoked" | "frozen" | "expired" | "valid";

/** Derived state, in order of precedence (docs/licenses.md#a-license-and-its-derived-state): revoked, frozen, expired, valid. */
export function licenseState(license: Pick<LicenseRecord, "status" | "frozen" | "expiresAt">, now: number): LicenseState {
  if (license.status === "revoked") return "revoked";
  if (license.frozen) return "frozen";
  if (license.expiresAt !== null && license.expiresAt <= now) return "expired";
  return "valid";
}
