import type { SqlArgs, SqlRunner } from "./sql-runner.ts";

const HEARTBEAT_SQL =
  "UPDATE license_sessions SET expires_at = max(expires_at, ?), last_seen_at = max(last_seen_at, ?) WHERE id = ? AND revoked_at IS NULL";
const CHUNK = 200;
const TOUCH_SQL = "UPDATE licenses SET last_authorized_at = ? WHERE id = ? AND (last_authorized_at IS NULL OR last_authorized_at < ?)";
/** A heartbeat is written once it moves the stored expiry by more than this share of the session's TTL. */
export const HEARTBEAT_LAG_SHARE = 0.05;
/** lastAuthorizedAt is written once it moves the last written value by more than this. */
export const TOUCH_LAG_MS = 60_000;
const MAX_REMEMBERED = 200_000;

type Beat = { expiresAt: number; seenAt: number };

/**
 * Heartbeats and lastAuthorizedAt are not worth a write per call. The newest value per
 * row is kept here; it is written within `intervalMs` when it moves the stored value by
 * more than a small lag (HEARTBEAT_LAG_SHARE of the TTL, TOUCH_LAG_MS), and otherwise
 * held in memory until it does, or until flush() on shutdown. `pendingExpiry` answers
 * from both, so this process always judges a session by its newest expiry; only a
 * killed process can leave a stored expiry that lags by at most that share of the TTL.
 */
export class WriteBehind {
  private sessions = new Map<string, Beat>();
  private licenses = new Map<string, number>();
  /** Newer than stored, but by less than the lag: written by flush() only. */
  private held = new Map<string, Beat>();
  private heldTouches = new Map<string, number>();
  /** What this process last wrote (or read), so the lag is measured against the row. */
  private storedExpiry = new Map<string, number>();
  private writtenTouch = new Map<string, number>();
  /** Being written right now: still newer than what a read of the row returns. */
  private writing = new Map<string, Beat>();
  /** The newest call time seen: this class's notion of now (time is passed in). */
  private latestSeen = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly runner: SqlRunner,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.writeDue().catch(this.onError), this.intervalMs);
    this.timer.unref?.();
  }

  /** `storedExpiresAt`: the session's expiry as last read from the database. */
  heartbeat(sessionId: string, expiresAt: number, seenAt: number, storedExpiresAt = 0): void {
    this.latestSeen = Math.max(this.latestSeen, seenAt);
    const newest = Math.max(this.sessions.get(sessionId)?.expiresAt ?? 0, this.held.get(sessionId)?.expiresAt ?? 0);
    if (newest >= expiresAt) return;
    const stored = Math.max(storedExpiresAt, this.storedExpiry.get(sessionId) ?? 0);
    const beat = { expiresAt, seenAt };
    if (expiresAt - stored > (expiresAt - seenAt) * HEARTBEAT_LAG_SHARE || this.sessions.has(sessionId)) {
      this.held.delete(sessionId);
      this.sessions.set(sessionId, beat);
    } else {
      this.held.set(sessionId, beat);
    }
  }

  touch(licenseId: string, at: number): void {
    if (Math.max(this.licenses.get(licenseId) ?? 0, this.heldTouches.get(licenseId) ?? 0) >= at) return;
    const written = this.writtenTouch.get(licenseId);
    if (written === undefined || at - written > TOUCH_LAG_MS || this.licenses.has(licenseId)) {
      this.heldTouches.delete(licenseId);
      this.licenses.set(licenseId, at);
    } else {
      this.heldTouches.set(licenseId, at);
    }
  }

  pendingExpiry(sessionId: string): number | undefined {
    return this.sessions.get(sessionId)?.expiresAt ?? this.held.get(sessionId)?.expiresAt ?? this.writing.get(sessionId)?.expiresAt;
  }

  /** What the timer writes: every value that moved its row by more than the lag. */
  writeDue(): Promise<void> {
    return this.write(false);
  }

  /** Writes everything, held values included (shutdown, tests). */
  flush(): Promise<void> {
    return this.write(true);
  }

  /** Concurrent calls queue behind the one in progress. */
  private write(all: boolean): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const sessions = this.sessions;
      const licenses = this.licenses;
      this.sessions = new Map();
      this.licenses = new Map();
      // Bounded memory: a held beat past its expiry no longer matters; too many held → write all.
      for (const [id, beat] of this.held) if (beat.expiresAt <= this.latestSeen) this.held.delete(id);
      if (this.held.size + this.heldTouches.size > MAX_REMEMBERED) all = true;
      if (all) {
        for (const [id, beat] of this.held) sessions.set(id, beat);
        for (const [id, at] of this.heldTouches) licenses.set(id, at);
        this.held.clear();
        this.heldTouches.clear();
      }
      if (sessions.size === 0 && licenses.size === 0) return;
      const statements: { sql: string; args: SqlArgs }[] = [];
      for (const [id, { expiresAt, seenAt }] of sessions) statements.push({ sql: HEARTBEAT_SQL, args: [expiresAt, seenAt, id] });
      for (const [id, at] of licenses) statements.push({ sql: TOUCH_SQL, args: [at, id, at] });
      this.writing = sessions;
      try {
        // Small transactions with a turn of the event loop between them: a flush never
        // holds the thread (and the requests behind it) for more than a few milliseconds.
        for (let i = 0; i < statements.length; i += CHUNK) {
          await this.runner.batch(statements.slice(i, i + CHUNK));
          if (i + CHUNK < statements.length) await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        // Keep what failed for the next round rather than dropping it.
        for (const [id, value] of sessions) if (!this.sessions.has(id)) this.sessions.set(id, value);
        for (const [id, at] of licenses) if (!this.licenses.has(id)) this.licenses.set(id, at);
        throw error;
      } finally {
        this.writing = new Map();
      }
      this.remember(this.storedExpiry, sessions, (beat) => beat.expiresAt);
      this.remember(this.writtenTouch, licenses, (at) => at);
    });
    return this.flushing;
  }

  private remember<V>(into: Map<string, number>, from: Map<string, V>, value: (v: V) => number): void {
    if (into.size + from.size > MAX_REMEMBERED) into.clear(); // forgetting only means writing sooner
    for (const [id, v] of from) into.set(id, value(v));
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
