import type { SqlArgs, SqlRunner } from "./sql-runner.ts";

const HEARTBEAT_SQL =
  "UPDATE license_sessions SET expires_at = max(expires_at, ?), last_seen_at = max(last_seen_at, ?) WHERE id = ? AND revoked_at IS NULL";
const CHUNK = 200;
const TOUCH_SQL = "UPDATE licenses SET last_authorized_at = ? WHERE id = ? AND (last_authorized_at IS NULL OR last_authorized_at < ?)";

/**
 * Heartbeats and lastAuthorizedAt are not worth a write per call: they are kept here,
 * newest value per row, and written in one transaction at least every `intervalMs`
 * (and by flush() on shutdown). A pending heartbeat is visible to `pendingExpiry` so a
 * session is never judged by its stale stored expiry.
 */
export class WriteBehind {
  private sessions = new Map<string, { expiresAt: number; seenAt: number }>();
  private licenses = new Map<string, number>();
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

  touch(licenseId: string, at: number): void {
    if ((this.licenses.get(licenseId) ?? 0) < at) this.licenses.set(licenseId, at);
  }

  pendingExpiry(sessionId: string): number | undefined {
    return this.sessions.get(sessionId)?.expiresAt;
  }

  /** Writes what is pending; concurrent calls queue behind the one in progress. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.sessions.size === 0 && this.licenses.size === 0) return;
      const sessions = this.sessions;
      const licenses = this.licenses;
      this.sessions = new Map();
      this.licenses = new Map();
      // In key order: neighbouring keys share index pages, so each transaction dirties (and
      // writes to the WAL) fewer pages than in arrival order.
      const statements: { sql: string; args: SqlArgs }[] = [];
      for (const id of [...sessions.keys()].sort()) {
        const { expiresAt, seenAt } = sessions.get(id)!;
        statements.push({ sql: HEARTBEAT_SQL, args: [expiresAt, seenAt, id] });
      }
      for (const id of [...licenses.keys()].sort()) {
        const at = licenses.get(id)!;
        statements.push({ sql: TOUCH_SQL, args: [at, id, at] });
      }
      try {
        // Small transactions with a turn of the event loop between them: a flush never
        // holds the thread (and the requests behind it) for more than a few milliseconds.
        for (let i = 0; i < statements.length; i += CHUNK) {
          await this.runner.batch(statements.slice(i, i + CHUNK));
          if (i + CHUNK < statements.length) await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        // Keep what failed for the next round rather than dropping it.
        for (const [id, value] of sessions) this.heartbeat(id, value.expiresAt, value.seenAt);
        for (const [id, at] of licenses) this.touch(id, at);
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
