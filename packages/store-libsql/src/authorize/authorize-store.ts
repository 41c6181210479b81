import type { AuthorizeKey, AuthorizeLicense, AuthorizeStore, LicensePolicyOverrides, ProductPolicy, Scope } from "@geckoguard/core";
import type { SqlRunner } from "./sql-runner.ts";
import { WriteBehind } from "./write-behind.ts";

const SQL = {
  key: `SELECT k.id, k.product_id, p.org_id, k.secret_hash, k.permissions, k.revoked_at
        FROM api_keys k JOIN products p ON p.id = k.product_id WHERE k.prefix = ?`,
  license: `SELECT l.id, l.status, l.frozen, l.frozen_at, l.expires_at, l.duration_days, l.hwids, l.ips, l.policy_overrides, p.policy
            FROM licenses l JOIN products p ON p.id = l.product_id WHERE l.product_id = ? AND l.key = ?`,
  hwidListed: `SELECT 1 AS hit FROM blacklist_entries WHERE product_id = ? AND type = 'HWID' AND value = ? LIMIT 1`,
  ipListed: `SELECT 1 AS hit FROM blacklist_entries WHERE product_id = ? AND type = 'IP' AND range_start <= ? AND range_end >= ? LIMIT 1`,
  session: `SELECT revoked_at, expires_at FROM license_sessions WHERE id = ? AND license_id = ?`,
  liveSessions: `SELECT count(*) AS n FROM license_sessions WHERE license_id = ? AND revoked_at IS NULL AND expires_at > ?`,
  // One statement each: the guard and the write happen under SQLite's write lock.
  bindHwid: `UPDATE licenses SET hwids = json_insert(hwids, '$[#]', ?), updated_at = ?
             WHERE id = ? AND json_array_length(hwids) < ? AND NOT EXISTS (SELECT 1 FROM json_each(licenses.hwids) WHERE value = ?)`,
  bindIp: `UPDATE licenses SET ips = json_insert(ips, '$[#]', ?), updated_at = ?
           WHERE id = ? AND json_array_length(ips) < ? AND NOT EXISTS (SELECT 1 FROM json_each(licenses.ips) WHERE value = ?)`,
  startClock: `UPDATE licenses SET expires_at = ?, updated_at = ? WHERE id = ? AND expires_at IS NULL`,
  openSession: `INSERT INTO license_sessions (id, license_id, hwid, ip, app_version, created_at, last_seen_at, expires_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?
                WHERE (SELECT count(*) FROM license_sessions WHERE license_id = ? AND revoked_at IS NULL AND expires_at > ?) < ?`,
  signingKey: `SELECT private_key FROM products WHERE id = ?`,
};

interface KeyRow { id: string; product_id: string; org_id: string; secret_hash: string; permissions: string; revoked_at: number | null }
interface LicenseRow {
  id: string; status: "active" | "revoked"; frozen: number; frozen_at: number | null; expires_at: number | null; duration_days: number | null;
  hwids: string; ips: string; policy_overrides: string; policy: string;
}

/** The AuthorizeStore port on SQL: plain statements, no ORM on the hot path. */
export function sqlAuthorizeStore(runner: SqlRunner, options: { flushIntervalMs: number; onError: (error: unknown) => void }): AuthorizeStore & { start(): void; stop(): Promise<void> } {
  const writes = new WriteBehind(runner, options.flushIntervalMs, options.onError);
  const policies = new Map<string, ProductPolicy>();
  const policyOf = (json: string) => {
    let policy = policies.get(json);
    if (policy === undefined) {
      policy = JSON.parse(json) as ProductPolicy;
      if (policies.size > 1000) policies.clear();
      policies.set(json, policy);
    }
    return policy;
  };
  return {
    async findKey(prefix) {
      const row = await runner.get<KeyRow>(SQL.key, [prefix]);
      if (row === undefined) return null;
      const key: AuthorizeKey = {
        id: row.id,
        productId: row.product_id,
        orgId: row.org_id,
        secretHash: row.secret_hash,
        permissions: JSON.parse(row.permissions) as Scope[],
        revoked: row.revoked_at !== null,
      };
      return key;
    },
    async findLicense(productId, key) {
      const row = await runner.get<LicenseRow>(SQL.license, [productId, key]);
      if (row === undefined) return null;
      const overrides = row.policy_overrides === "{}" ? {} : (JSON.parse(row.policy_overrides) as LicensePolicyOverrides);
      const license: AuthorizeLicense = {
        id: row.id,
        productId,
        status: row.status,
        frozen: row.frozen === 1,
        frozenAt: row.frozen_at,
        expiresAt: row.expires_at,
        durationDays: row.duration_days,
        hwids: row.hwids === "[]" ? [] : (JSON.parse(row.hwids) as string[]),
        ips: row.ips === "[]" ? [] : (JSON.parse(row.ips) as string[]),
        policy: { ...policyOf(row.policy), ...overrides, durationDays: row.duration_days },
      };
      return license;
    },
    async blacklisted(productId, hwid, ipHex) {
      if (hwid !== undefined && (await runner.get(SQL.hwidListed, [productId, hwid])) !== undefined) return "HWID";
      if (ipHex !== null && (await runner.get(SQL.ipListed, [productId, ipHex, ipHex])) !== undefined) return "IP";
      return null;
    },
    async findSession(licenseId, sessionId) {
      const row = await runner.get<{ revoked_at: number | null; expires_at: number }>(SQL.session, [sessionId, licenseId]);
      if (row === undefined) return null;
      return { revoked: row.revoked_at !== null, expiresAt: Math.max(row.expires_at, writes.pendingExpiry(sessionId) ?? 0) };
    },
    async countLiveSessions(licenseId, now) {
      return (await runner.get<{ n: number }>(SQL.liveSessions, [licenseId, now]))?.n ?? 0;
    },
    async bind(kind, licenseId, value, max, now) {
      return (await runner.run(kind === "hwid" ? SQL.bindHwid : SQL.bindIp, [value, now, licenseId, max, value])) === 1;
    },
    async startClock(licenseId, expiresAt, now) {
      await runner.run(SQL.startClock, [expiresAt, now, licenseId]);
    },
    async openSession(s, max, now) {
      const args = [s.id, s.licenseId, s.hwid, s.ip, s.appVersion, s.createdAt, s.lastSeenAt, s.expiresAt, s.licenseId, now, max];
      return (await runner.run(SQL.openSession, args)) === 1;
    },
    heartbeat: (sessionId, expiresAt, now) => writes.heartbeat(sessionId, expiresAt, now),
    touchLicense: (licenseId, now) => writes.touch(licenseId, now),
    async signingKeyPem(productId) {
      return (await runner.get<{ private_key: string }>(SQL.signingKey, [productId]))?.private_key ?? null;
    },
    flush: () => writes.flush(),
    start: () => writes.start(),
    stop: () => writes.stop(),
  };
}
