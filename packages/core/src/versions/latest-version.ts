import { toIso } from "../clock.ts";
import { GgError, type ErrorDetail } from "../errors/gg-error.ts";
import { parseJsonObject } from "../schemas/json-object.ts";
import { optionalString, sessionCallFields } from "../authorize/parse-body.ts";
import { sessionLicenseCall, type SessionCallInput, type SignedCallResult } from "../authorize/session-call.ts";
import type { AuthorizeDeps, AuthorizeRequest } from "../authorize/signed-call.ts";
import { entitledTo, latestVersion } from "./catalog.ts";
import { CHANNEL_PATTERN } from "./channels.ts";
import { compareVersions, parseAppVersion } from "./semver.ts";

const CHANNEL = new RegExp(CHANNEL_PATTERN);

export interface LatestVersionInput extends SessionCallInput {
  currentVersion: string;
  channel?: string;
}

export interface LatestVersionAnswer {
  latest: { version: string; channel: string; notes: string | null; releasedAt: string; fileId: string | null } | null;
  updateAvailable: boolean;
  entitled: boolean;
}

/** The latest-version call's body (LatestVersionCallBody documents it), by hand like authorize's. */
export function parseLatestVersionBody(raw: string): LatestVersionInput {
  const fields = parseJsonObject(raw);
  const details: ErrorDetail[] = [];
  const input = sessionCallFields(fields, details);
  const currentVersion = optionalString(fields.currentVersion, "/currentVersion", 64, details);
  if (fields.currentVersion === undefined) details.push({ path: "/currentVersion", message: "Required" });
  else if (currentVersion !== undefined && parseAppVersion(currentVersion) === null) details.push({ path: "/currentVersion", message: "Expected a semver 2.0 version" });
  const channel = optionalString(fields.channel, "/channel", 32, details);
  if (channel !== undefined && !CHANNEL.test(channel)) details.push({ path: "/channel", message: "Expected a channel name" });
  if (details.length > 0) throw new GgError("VALIDATION_ERROR", "Request validation failed", { details });
  return { ...input, currentVersion: currentVersion!, ...(channel !== undefined ? { channel } : {}) };
}

/**
 * POST /v1/licenses/versions/latest (docs/versions.md): signed and checked like
 * authorize, needs a live session; answers the newest live version of the license's
 * channels (or of `channel`, one of them), whether it is newer than `currentVersion`,
 * and whether the license is entitled to it (released before its `updatesUntil`).
 */
export function latestVersionForLicense(deps: AuthorizeDeps, request: AuthorizeRequest): Promise<SignedCallResult<LatestVersionAnswer>> {
  return sessionLicenseCall(deps, request, parseLatestVersionBody, async (input, { license }) => {
    if (input.channel !== undefined && !license.channels.includes(input.channel)) {
      throw new GgError("VALIDATION_ERROR", "This license does not follow this channel", { details: [{ path: "/channel", message: `Expected one of: ${license.channels.join(", ")}` }] });
    }
    const catalog = await deps.store.versionCatalog(license.productId);
    const latest = latestVersion(catalog, input.channel !== undefined ? [input.channel] : license.channels);
    if (latest === null) return { latest: null, updateAvailable: false, entitled: true };
    const { record } = latest;
    return {
      latest: { version: record.version, channel: record.channel, notes: record.notes, releasedAt: toIso(record.releasedAt), fileId: record.fileId },
      updateAvailable: compareVersions(latest.parsed, parseAppVersion(input.currentVersion)!) > 0,
      entitled: entitledTo(latest, license.updatesUntil),
    };
  });
}
