import type { LicenseDenial } from "../authorize/authorize-license.ts";
import { entitledTo, latestVersion, minimumVersion, versionStanding, type VersionCatalog } from "./catalog.ts";
import { compareVersions, normalizedVersion, parseAppVersion } from "./semver.ts";

/** What a success answer says about updates when the app reported its version. */
export interface UpdateInfo {
  latest: string | null;
  available: boolean;
  required: false;
}

export interface VersionLicense {
  channels: readonly string[];
  updatesUntil: number | null;
  rejectUnknownVersions: boolean;
}

/**
 * Pure: the verdict on the version an app reports with authorize (docs/versions.md), after
 * every license check passed. In this order: below the newest required version of the
 * license's channels that the license is entitled to → UPDATE_REQUIRED (details name the
 * minimum and the latest); a yanked version → VERSION_YANKED; a version the channels do
 * not know → VERSION_UNKNOWN when the policy rejects unknown versions, else allowed. Text
 * that is not semver is unknown, and cannot be shown to be at or above a minimum.
 */
export function versionVerdict(catalog: VersionCatalog, license: VersionLicense, appVersion: string): { denial: LicenseDenial } | { update: UpdateInfo } {
  const parsed = parseAppVersion(appVersion);
  const latest = latestVersion(catalog, license.channels);
  const minimum = minimumVersion(catalog, license.channels, license.updatesUntil);
  if (minimum !== null && (parsed === null || compareVersions(parsed, minimum.parsed) < 0)) {
    const latestText = latest?.record.version ?? minimum.record.version;
    return {
      denial: {
        valid: false,
        code: "UPDATE_REQUIRED",
        message: `This version is no longer supported: update to ${minimum.record.version} or later`,
        details: [
          { path: "/minimumVersion", message: minimum.record.version },
          { path: "/latestVersion", message: latestText },
        ],
      },
    };
  }
  const standing = parsed === null ? "unknown" : versionStanding(catalog, license.channels, normalizedVersion(parsed));
  if (standing === "yanked") return { denial: { valid: false, code: "VERSION_YANKED", message: "This version was withdrawn; install another version" } };
  if (standing === "unknown" && license.rejectUnknownVersions) {
    return { denial: { valid: false, code: "VERSION_UNKNOWN", message: "This product does not know this version" } };
  }
  const available = latest !== null && (parsed === null || compareVersions(latest.parsed, parsed) > 0) && entitledTo(latest, license.updatesUntil);
  return { update: { latest: latest?.record.version ?? null, available, required: false } };
}
