import type { VersionRecord } from "../records/version.ts";
import { compareVersions, parseVersion, type ParsedVersion } from "./semver.ts";

/** A version as the hot path needs it, parsed once when the catalogue is built. */
export interface CatalogVersion {
  record: VersionRecord;
  parsed: ParsedVersion;
}

/** One channel's versions. */
export interface ChannelVersions {
  /** Live (not yanked) versions, newest first. */
  live: CatalogVersion[];
  /** Live required versions, newest first. */
  required: CatalogVersion[];
  /** Every version of the channel by its text, yanked ones included. */
  byVersion: Map<string, CatalogVersion>;
}

/** A product's versions by channel, built once per change of its rows (the authorize read cache keeps it). */
export interface VersionCatalog {
  channels: Map<string, ChannelVersions>;
}

export const EMPTY_CATALOG: VersionCatalog = { channels: new Map() };

/** Pure: the catalogue of a product's version rows. */
export function versionCatalog(records: VersionRecord[]): VersionCatalog {
  const channels = new Map<string, ChannelVersions>();
  for (const record of records) {
    const parsed = parseVersion(record.version);
    if (parsed === null) continue; // never stored: versions are checked on create
    let channel = channels.get(record.channel);
    if (channel === undefined) channels.set(record.channel, (channel = { live: [], required: [], byVersion: new Map() }));
    const entry = { record, parsed };
    channel.byVersion.set(record.version, entry);
    if (record.yankedAt !== null) continue;
    channel.live.push(entry);
    if (record.required) channel.required.push(entry);
  }
  const newestFirst = (a: CatalogVersion, b: CatalogVersion) => compareVersions(b.parsed, a.parsed);
  for (const channel of channels.values()) {
    channel.live.sort(newestFirst);
    channel.required.sort(newestFirst);
  }
  return { channels };
}

/** Whether a license with `updatesUntil` may have a version (released before that time; null: every version). */
export const entitledTo = (entry: CatalogVersion, updatesUntil: number | null) => updatesUntil === null || entry.record.releasedAt < updatesUntil;

/** The newest of each channel's first entry that `keep` accepts, over the given channels. */
function newestOf(catalog: VersionCatalog, channels: readonly string[], pick: (channel: ChannelVersions) => CatalogVersion | undefined): CatalogVersion | null {
  let best: CatalogVersion | null = null;
  for (const name of channels) {
    const channel = catalog.channels.get(name);
    const candidate = channel === undefined ? undefined : pick(channel);
    if (candidate !== undefined && (best === null || compareVersions(candidate.parsed, best.parsed) > 0)) best = candidate;
  }
  return best;
}

/** The newest live version of the channels. */
export const latestVersion = (catalog: VersionCatalog, channels: readonly string[]) => newestOf(catalog, channels, (c) => c.live[0]);

/** The newest live required version of the channels that the license is entitled to. */
export const minimumVersion = (catalog: VersionCatalog, channels: readonly string[], updatesUntil: number | null) =>
  newestOf(catalog, channels, (c) => c.required.find((entry) => entitledTo(entry, updatesUntil)));

/** How the channels know a version: live in one of them, only yanked, or not at all. */
export function versionStanding(catalog: VersionCatalog, channels: readonly string[], version: string): "live" | "yanked" | "unknown" {
  let standing: "yanked" | "unknown" = "unknown";
  for (const name of channels) {
    const entry = catalog.channels.get(name)?.byVersion.get(version);
    if (entry === undefined) continue;
    if (entry.record.yankedAt === null) return "live";
    standing = "yanked";
  }
  return standing;
}
