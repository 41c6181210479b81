import type { DeviceReport, Sighting } from "@geckoguard/core";
import type { ReadCache } from "./read-cache.ts";
import type { WriteBehind } from "./write-behind.ts";

/**
 * A bound device's stored `last_seen_at` may lag the truth by up to this much: the
 * write-behind rewrites it only once it is this old (or when the SDK reports a new name
 * or platform), so a device in steady use costs one row write per step, not per call.
 */
export const LAST_SEEN_STEP_MS = 10 * 60_000;

/** `[hwid, lastSeenAt, name, platform]` and `[ip, lastSeenAt]`, as the license read returns them (authorize-sql.ts). */
type HwidTuple = [string, number, string | null, string | null];
type IpTuple = [string, number];
/** Kept as the parsed tuples (a license has a handful): no per-license Maps on the hot path. */
interface LicenseSightings { hwids: HwidTuple[]; ips: IpTuple[] }

/**
 * What the authorize thread knows of each bound HWID and IP's stored last-seen time (from
 * the license row it read, then from its own writes), to decide which sightings are worth
 * a write. Unknown entries (evicted, never read) are written: a lost entry costs one row.
 */
export class DeviceSightings {
  private readonly byLicense: Map<string, LicenseSightings>;

  constructor(
    private readonly cache: ReadCache,
    private readonly writes: WriteBehind,
  ) {
    this.byLicense = cache.map<LicenseSightings>();
  }

  /** The license row's binding tuples → the bound values; remembers their last-seen times. */
  load(licenseId: string, hwidsJson: string, ipsJson: string): { hwids: string[]; ips: string[] } {
    const known: LicenseSightings = {
      hwids: hwidsJson === "[]" ? [] : (JSON.parse(hwidsJson) as HwidTuple[]),
      ips: ipsJson === "[]" ? [] : (JSON.parse(ipsJson) as IpTuple[]),
    };
    this.cache.remember(this.byLicense, licenseId, known);
    return { hwids: known.hwids.map((tuple) => tuple[0]), ips: known.ips.map((tuple) => tuple[0]) };
  }

  /** A bind this thread committed: seen now, with what was reported. */
  bound(kind: "hwid" | "ip", licenseId: string, value: string, now: number, device: DeviceReport): void {
    const known = this.of(licenseId);
    if (kind === "hwid") setTuple(known.hwids, [value, now, device.name ?? null, device.platform ?? null]);
    else setTuple(known.ips, [value, now]);
  }

  /** Queues the last-seen writes this allowed call is worth (see LAST_SEEN_STEP_MS). */
  see(licenseId: string, sighting: Sighting, now: number): void {
    if (sighting.hwid === undefined && sighting.ip === undefined) return;
    const known = this.of(licenseId);
    if (sighting.hwid !== undefined) {
      const last = known.hwids.find((tuple) => tuple[0] === sighting.hwid);
      const name = sighting.device.name ?? last?.[2] ?? null;
      const platform = sighting.device.platform ?? last?.[3] ?? null;
      if (last === undefined || now - last[1] >= LAST_SEEN_STEP_MS || name !== last[2] || platform !== last[3]) {
        this.writes.seeHwid(licenseId, sighting.hwid, now, sighting.device);
        setTuple(known.hwids, [sighting.hwid, now, name, platform]);
      }
    }
    if (sighting.ip !== undefined) {
      const last = known.ips.find((tuple) => tuple[0] === sighting.ip);
      if (last === undefined || now - last[1] >= LAST_SEEN_STEP_MS) {
        this.writes.seeIp(licenseId, sighting.ip, now);
        setTuple(known.ips, [sighting.ip, now]);
      }
    }
  }

  private of(licenseId: string): LicenseSightings {
    return this.byLicense.get(licenseId) ?? this.cache.remember(this.byLicense, licenseId, { hwids: [], ips: [] });
  }
}

/** Replaces the tuple of the same value, or appends it. */
function setTuple<T extends [string, ...unknown[]]>(tuples: T[], tuple: T): void {
  const index = tuples.findIndex((existing) => existing[0] === tuple[0]);
  if (index === -1) tuples.push(tuple);
  else tuples[index] = tuple;
}
