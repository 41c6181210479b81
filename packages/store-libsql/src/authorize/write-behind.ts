import type { DeviceReport } from "@geckoguard/core";
import type { SqlArgs, SqlRunner } from "./sql-runner.ts";
import { OutcomeCounts, utcDay } from "./outcome-counts.ts";
import { AuthorizedDays } from "./authorized-days.ts";

type Statement = { sql: string; args: SqlArgs };
/** Statements that must commit in one transaction, and what to remember once they have. */
type Group = { statements: Statement[]; onCommit?: () => void };

const HEARTBEAT_SQL =
  "UPDATE license_sessions SET expires_at = max(expires_at, ?), last_seen_at = max(last_seen_at, ?) WHERE id = ? AND revoked_at IS NULL";
const CHUNK = 200;
const TOUCH_SQL = "UPDATE licenses SET last_authorized_at = ? WHERE id = ? AND (last_authorized_at IS NULL OR last_authorized_at < ?)";
/** A touch of a license that authorize also changed (a new binding): its updatedAt moves too. */
const TOUCH_CHANGED_SQL =
  "UPDATE licenses SET last_authorized_at = max(coalesce(last_authorized_at, 0), ?), updated_at = max(updated_at, ?) WHERE id = ?";
const SEE_HWID_SQL =
  "UPDATE license_hwids SET last_seen_at = max(last_seen_at, ?), name = coalesce(?, name), platform = coalesce(?, platform) WHERE license_id = ? AND hwid = ?";
const SEE_IP_SQL = "UPDATE license_ips SET last_seen_at = max(last_seen_at, ?) WHERE license_id = ? AND ip = ?";

interface HwidSeen { licenseId: string; hwid: string; at: number; name: string | null; platform: string | null }
interface IpSeen { licenseId: string; ip: string; at: number }

/**
 * Heartbeats, lastAuthorizedAt (with updatedAt after a bind) and bound devices' last-seen
 * times are not worth a write per call: they are kept here, newest value per row, and
 * written in one transaction at least every `intervalMs`
 * (and by flush() on shutdown). A pending heartbeat is visible to `pendingExpiry` so a
 * session is never judged by its stale stored expiry.
 */
export class WriteBehind {
  private sessions = new Map<string, { expiresAt: number; seenAt: number }>();
  private licenses = new Map<string, number>();
  /**
   * A license's last touch of an earlier UTC day, when a touch of a later day replaced it
   * before the flush: written first, so the day it ends still counts the license once
   * (authorized-days.ts, docs/team-and-audit.md#analytics).
   */
  private dayEnds = new Map<string, number>();
  private outcomes = new OutcomeCounts();
  private authorizedDays = new AuthorizedDays();
  /** Licenses among `licenses` whose row changed (updatedAt is written with the touch). */
  private changed = new Set<string>();
  private hwids = new Map<string, HwidSeen>();
  private ips = new Map<string, IpSeen>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly runner: SqlRunner,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush().catch(this.onError), this.intervalMs);
    this.timer.unref?.();
  }

  heartbeat(sessionId: string, expiresAt: number, seenAt: number): void {
    const pending = this.sessions.get(sessionId);
    if (pending === undefined || pending.expiresAt < expiresAt) this.sessions.set(sessionId, { expiresAt, seenAt });
  }

  /** One authorize outcome (`ALLOWED` or a verdict's code), counted in memory. */
  countOutcome(productId: string, outcome: string, at: number): void {
    this.outcomes.add(productId, outcome, at);
  }

  touch(licenseId: string, at: number, options?: { changed: boolean }): void {
    const pending = this.licenses.get(licenseId) ?? 0;
    if (pending > 0 && utcDay(pending) < utcDay(at)) this.dayEnds.set(licenseId, pending);
    if (pending < at) this.licenses.set(licenseId, at);
    if (options?.changed) this.changed.add(licenseId);
  }

  /** A bound HWID seen at `at`; a reported name or platform replaces the stored one. */
  seeHwid(licenseId: string, hwid: string, at: number, device: DeviceReport): void {
    const key = `${licenseId}\n${hwid}`;
    const pending = this.hwids.get(key);
    this.hwids.set(key, {
      licenseId,
      hwid,
      at: Math.max(at, pending?.at ?? 0),
      name: device.name ?? pending?.name ?? null,
      platform: device.platform ?? pending?.platform ?? null,
    });
  }

  seeIp(licenseId: string, ip: string, at: number): void {
    const key = `${licenseId}\n${ip}`;
    if ((this.ips.get(key)?.at ?? 0) < at) this.ips.set(key, { licenseId, ip, at });
  }

  pendingExpiry(sessionId: string): number | undefined {
    return this.sessions.get(sessionId)?.expiresAt;
  }

  /** Writes what is pending; concurrent calls queue behind the one in progress (whether it failed or not). */
  flush(): Promise<void> {
    // After a failed flush, the next one must still run (chaining on the rejection would skip it forever).
    this.flushing = this.flushing.catch(() => {}).then(async () => {
      if (this.sessions.size === 0 && this.licenses.size === 0 && this.hwids.size === 0 && this.ips.size === 0 && this.outcomes.size === 0) return;
      const { sessions, licenses, dayEnds, changed, hwids, ips } = this;
      // First, so a failed flush knows which of them committed (counts must not be added twice).
      const outcomes = this.outcomes.drain();
      this.sessions = new Map();
      this.licenses = new Map();
      this.dayEnds = new Map();
      this.changed = new Set();
      this.hwids = new Map();
      this.ips = new Map();
      // In key order: neighbouring keys share index pages, so each transaction dirties (and
      // writes to the WAL) fewer pages than in arrival order.
      const groups: Group[] = outcomes.statements.map((statement) => ({ statements: [statement] }));
      for (const id of [...sessions.keys()].sort()) {
        const { expiresAt, seenAt } = sessions.get(id)!;
        groups.push({ statements: [{ sql: HEARTBEAT_SQL, args: [expiresAt, seenAt, id] }] });
      }
      const touchGroup = (id: string, at: number, touch: Statement): Group => {
        const count = this.authorizedDays.countStatement(id, at);
        return count === null ? { statements: [touch] } : { statements: [count, touch], onCommit: () => this.authorizedDays.committed(id, at) };
      };
      for (const id of [...dayEnds.keys()].sort()) groups.push(touchGroup(id, dayEnds.get(id)!, { sql: TOUCH_SQL, args: [dayEnds.get(id)!, id, dayEnds.get(id)!] }));
      for (const id of [...licenses.keys()].sort()) {
        const at = licenses.get(id)!;
        groups.push(touchGroup(id, at, changed.has(id) ? { sql: TOUCH_CHANGED_SQL, args: [at, at, id] } : { sql: TOUCH_SQL, args: [at, id, at] }));
      }
      for (const key of [...hwids.keys()].sort()) {
        const seen = hwids.get(key)!;
        groups.push({ statements: [{ sql: SEE_HWID_SQL, args: [seen.at, seen.name, seen.platform, seen.licenseId, seen.hwid] }] });
      }
      for (const key of [...ips.keys()].sort()) {
        const seen = ips.get(key)!;
        groups.push({ statements: [{ sql: SEE_IP_SQL, args: [seen.at, seen.licenseId, seen.ip] }] });
      }
      let committed = 0; // groups
      try {
        // Small transactions with a turn of the event loop between them: a flush never
        // holds the thread (and the requests behind it) for more than a few milliseconds.
        // A group never straddles two transactions.
        while (committed < groups.length) {
          let end = committed;
          let size = 0;
          while (end < groups.length && (end === committed || size + groups[end]!.statements.length <= CHUNK)) size += groups[end++]!.statements.length;
          const chunk = groups.slice(committed, end);
          await this.runner.batch(chunk.flatMap((group) => group.statements));
          for (const group of chunk) group.onCommit?.();
          committed = end;
          if (committed < groups.length) await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        // Keep what failed for the next round rather than dropping it (the rest are newest-value writes: repeating them is harmless).
        outcomes.restore(committed);
        for (const [id, value] of sessions) this.heartbeat(id, value.expiresAt, value.seenAt);
        for (const [id, at] of dayEnds) this.touch(id, at);
        for (const [id, at] of licenses) this.touch(id, at, { changed: changed.has(id) });
        for (const [key, seen] of hwids) {
          const newer = this.hwids.get(key);
          this.hwids.set(key, newer === undefined ? seen : { ...newer, at: Math.max(newer.at, seen.at), name: newer.name ?? seen.name, platform: newer.platform ?? seen.platform });
        }
        for (const seen of ips.values()) this.seeIp(seen.licenseId, seen.ip, seen.at);
        throw error;
      }
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
