import type { DeviceReport, Sighting } from "@geckoguard/core";
import type { ReadCache } from "./read-cache.ts";
import type { WriteBehind } from "./write-behind.ts";

/**
 * A bound device's stored `last_seen_at` may lag the truth by up to this much: the
 * write-behind rewrites it only once it is this old (or when the SDK reports a new name
 * or platform), so a device in steady use costs one row write per step, not per call.
 */
export const LAST_SEEN_STEP_MS = 10 * 60_000;

interface SeenHwid { at: number; name: string | null; platform: string | null }
interface LicenseSightings { hwids: Map<string, SeenHwid>; ips: Map<string, number> }

type HwidTuple = [string, number, string | null, string | null];
type IpTuple = [string, number];

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

  /** The license row's binding tuples (authorize-sql.ts) → the bound values; remembers their last-seen times. */
  load(licenseId: string, hwidsJson: string, ipsJson: string): { hwids: string[]; ips: string[] } {
    const known: LicenseSightings = { hwids: new Map(), ips: new Map() };
    const hwids = hwidsJson === "[]" ? [] : (JSON.parse(hwidsJson) as HwidTuple[]).map(([hwid, at, name, platform]) => {
      known.hwids.set(hwid, { at, name, platform });
      return hwid;
    });
    const ips = ipsJson === "[]" ? [] : (JSON.parse(ipsJson) as IpTuple[]).map(([ip, at]) => {
      known.ips.set(ip, at);
      return ip;
    });
    this.cache.remember(this.byLicense, licenseId, known);
    return { hwids, ips };
  }

  /** A bind this thread committed: seen now, with what was reported. */
  bound(kind: "hwid" | "ip", licenseId: string, value: string, now: number, device: DeviceReport): void {
    const known = this.of(licenseId);
    if (kind === "hwid") known.hwids.set(value, { at: now, name: device.name ?? null, platform: device.platform ?? null });
    else known.ips.set(value, now);
  }

  /** Queues the last-seen writes this allowed call is worth (see LAST_SEEN_STEP_MS). */
  see(licenseId: string, sighting: Sighting, now: number): void {
    if (sighting.hwid === undefined && sighting.ip === undefined) return;
    const known = this.of(licenseId);
    if (sighting.hwid !== undefined) {
      const last = known.hwids.get(sighting.hwid);
      const name = sighting.device.name ?? last?.name ?? null;
      const platform = sighting.device.platform ?? last?.platform ?? null;
      if (last === undefined || now - last.at >= LAST_SEEN_STEP_MS || name !== last.name || platform !== last.platform) {
        this.writes.seeHwid(licenseId, sighting.hwid, now, sighting.device);
        known.hwids.set(sighting.hwid, { at: now, name, platform });
      }
    }
    if (sighting.ip !== undefined) {
      const last = known.ips.get(sighting.ip);
      if (last === undefined || now - last >= LAST_SEEN_STEP_MS) {
        this.writes.seeIp(licenseId, sighting.ip, now);
        known.ips.set(sighting.ip, now);
      }
    }
  }

  private of(licenseId: string): LicenseSightings {
    return this.byLicense.get(licenseId) ?? this.cache.remember(this.byLicense, licenseId, { hwids: new Map(), ips: new Map() });
  }
}
