import { describe, expect, test } from "bun:test";
import type { VersionRecord } from "../records/version.ts";
import { versionCatalog } from "./catalog.ts";
import { versionVerdict } from "./version-verdict.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
let n = 0;
const v = (version: string, extra: Partial<VersionRecord> = {}): VersionRecord => ({
  id: `v-${++n}`, productId: "p", version, channel: "stable", notes: null, required: false, fileId: null,
  releasedAt: T0, yankedAt: null, createdAt: T0, updatedAt: T0, ...extra,
});
const catalog = versionCatalog([
  v("1.0.0"),
  v("1.1.0", { required: true, releasedAt: T0 + DAY }),
  v("1.2.0-beta.2", { releasedAt: T0 + 2 * DAY }),
  v("1.2.0-beta.10", { releasedAt: T0 + 3 * DAY }),
  v("1.2.0", { releasedAt: T0 + 4 * DAY, yankedAt: T0 + 5 * DAY }),
  v("1.3.0", { required: true, releasedAt: T0 + 10 * DAY }),
  v("2.0.0-rc.1", { channel: "beta", releasedAt: T0 + 11 * DAY }),
]);
const stable = { channels: ["stable"], updatesUntil: null, rejectUnknownVersions: false };

describe("the version verdict (docs/versions.md)", () => {
  test("below the newest required version: UPDATE_REQUIRED naming the minimum and the latest", () => {
    expect(versionVerdict(catalog, stable, "1.2.0-beta.10")).toEqual({
      denial: {
        valid: false,
        code: "UPDATE_REQUIRED",
        message: "This version is no longer supported: update to 1.3.0 or later",
        details: [{ path: "/minimumVersion", message: "1.3.0" }, { path: "/latestVersion", message: "1.3.0" }],
      },
    });
  });

  test("a required version after updatesUntil does not force the license; the minimum is the one before", () => {
    const perpetual = { ...stable, updatesUntil: T0 + 5 * DAY };
    expect(versionVerdict(catalog, perpetual, "1.1.0")).toEqual({ update: { latest: "1.3.0", available: false, required: false } });
    expect(versionVerdict(catalog, perpetual, "1.0.0")).toMatchObject({ denial: { code: "UPDATE_REQUIRED", details: [{ message: "1.1.0" }, { message: "1.3.0" }] } });
  });

  test("semver precedence with pre-releases, yanked, unknown and not-semver", () => {
    expect(versionVerdict(catalog, stable, "1.3.0")).toEqual({ update: { latest: "1.3.0", available: false, required: false } });
    expect(versionVerdict(catalog, { ...stable, channels: ["stable", "beta"] }, "1.3.0")).toEqual({ update: { latest: "2.0.0-rc.1", available: true, required: false } });
    expect(versionVerdict(versionCatalog([v("1.0.0"), v("1.0.1", { yankedAt: T0 })]), stable, "1.0.1")).toMatchObject({ denial: { code: "VERSION_YANKED" } });
    expect(versionVerdict(catalog, stable, "v1.3.0+build.5")).toMatchObject({ update: { available: false } });
    expect(versionVerdict(catalog, stable, "7.0.0")).toMatchObject({ update: { latest: "1.3.0", available: false } });
    expect(versionVerdict(catalog, { ...stable, rejectUnknownVersions: true }, "7.0.0")).toMatchObject({ denial: { code: "VERSION_UNKNOWN" } });
    expect(versionVerdict(catalog, stable, "latest")).toMatchObject({ denial: { code: "UPDATE_REQUIRED" } });
    expect(versionVerdict(versionCatalog([v("1.0.0")]), stable, "latest")).toEqual({ update: { latest: "1.0.0", available: true, required: false } });
  });

  test("a product without versions allows any reported version", () => {
    expect(versionVerdict(versionCatalog([]), stable, "0.0.1")).toEqual({ update: { latest: null, available: false, required: false } });
  });
});
