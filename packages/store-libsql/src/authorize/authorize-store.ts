import type { AuthorizeKey, AuthorizeLicense, AuthorizeStore, LicensePolicyOverrides, ProductPolicy, Scope } from "@geckoguard/core";
import type { SqlRunner } from "./sql-runner.ts";
import { WriteBehind } from "./write-behind.ts";
import { ReadCache } from "./read-cache.ts";

const SQL = {
  key: `SELECT k.id, k.product_id, p.org_id, k.secret_hash, k.permissions, k.revoked_at
        FROM api_keys k JOIN products p ON p.id = k.product_id WHERE k.prefix = ?`,
  license: `SELECT l.id, l.status, l.frozen, l.frozen_at, l.expires_at, l.duration_days, l.hwids, l.ips, l.policy_overrides, p.policy
            FROM licenses l JOIN products p ON p.id = l.product_id WHERE l.product_id = ? AND l.key = ?`,
  hwidListed: `SELECT 1 AS hit FROM blacklist_entries WHERE product_id = ? AND type = 'HWID' AND value = ? LIMIT 1`,
  ipListed: `SELECT 1 AS hit FROM blacklist_entries WHERE product_id = ? AND type = 'IP' AND range_start <= ? AND range_end >= ? LIMIT 1`,
  session: `SELECT revoked_at, expires_at, license_id FROM license_sessions WHERE id = ?`,
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

type CachedSession = { licenseId: string; revoked: boolean; expiresAt: number } | null;

/**
 * The AuthorizeStore port on SQL: plain statements, no ORM on the hot path. With a
 * runner that can report `data_version` (the embedded engine), reads are served from a
 * ReadCache that is exact (see read-cache.ts); otherwise every read is a query.
 */
export function sqlAuthorizeStore(
  runner: SqlRunner,
  options: { flushIntervalMs: number; onError: (error: unknown) => void },
): AuthorizeStore & { start(): void; stop(): Promise<void> } {
  const writes = new WriteBehind(runner, options.flushIntervalMs, options.onError);
  const cache = new ReadCache(runner.dataVersion ?? (() => Number.NaN));
  const cacheOn = runner.dataVersion !== null;
  const keys = cache.map<AuthorizeKey | null>();
  const licenses = cache.map<AuthorizeLicense | null>();
  const listed = cache.map<boolean>();
  const sessions = cache.map<CachedSession>();
  const policies = new Map<string, ProductPolicy>();
  const policyOf = (json: string) => {
    let policy = policies.get(json);
    if (policy === undefined) {
      if (policies.size > 1000) policies.clear();
      policy = JSON.parse(json) as ProductPolicy;
      policies.set(json, policy);
    }
    return policy;
  };
  /** Cached value or `load()`, remembered while the database is unchanged. */
  async function cached<V>(map: Map<string, V>, key: string, load: () => Promise<V>): Promise<V> {
    if (cacheOn && map.has(key)) return map.get(key)!;
    const value = await load();
    return cacheOn ? cache.remember(map, key, value) : value;
  }
  const licenseCacheKeys = new Map<string, string>(); // license id → cache key, to update after own writes
  const updateCachedLicense = (licenseId: string, change: (license: AuthorizeLicense) => AuthorizeLicense | null) => {
    const cacheKey = licenseCacheKeys.get(licenseId);
    const current = cacheKey === undefined ? undefined : licenses.get(cacheKey);
    if (cacheKey === undefined || current == null) return;
    const next = change(current);
    if (next === null) licenses.delete(cacheKey);
    else licenses.set(cacheKey, next);
  };

  return {
    async findKey(prefix) {
      if (cacheOn) cache.revalidate(); // the first read of every request
      return cached(keys, prefix, async () => {
        const row = await runner.get<KeyRow>(SQL.key, [prefix]);
        if (row === undefined) return null;
        return {
          id: row.id,
          productId: row.product_id,
          orgId: row.org_id,
          secretHash: row.secret_hash,
          permissions: JSON.parse(row.permissions) as Scope[],
          revoked: row.revoked_at !== null,
        };
      });
    },
    async findLicense(productId, key) {
      const cacheKey = `${productId}\n${key}`;
      return cached(licenses, cacheKey, async () => {
        const row = await runner.get<LicenseRow>(SQL.license, [productId, key]);
        if (row === undefined) return null;
        const overrides = row.policy_overrides === "{}" ? {} : (JSON.parse(row.policy_overrides) as LicensePolicyOverrides);
        if (licenseCacheKeys.size > 200_000) licenseCacheKeys.clear();
        licenseCacheKeys.set(row.id, cacheKey);
        return {
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
        } satisfies AuthorizeLicense;
      });
    },
    async blacklisted(productId, hwid, ipHex) {
      if (hwid !== undefined) {
        const hit = await cached(listed, `${productId}\nH\n${hwid}`, async () => (await runner.get(SQL.hwidListed, [productId, hwid])) !== undefined);
        if (hit) return "HWID";
      }
      if (ipHex !== null) {
        const hit = await cached(listed, `${productId}\nI\n${ipHex}`, async () => (await runner.get(SQL.ipListed, [productId, ipHex, ipHex])) !== undefined);
        if (hit) return "IP";
      }
      return null;
    },
    async findSession(licenseId, sessionId) {
      const session = await cached(sessions, sessionId, async () => {
        const row = await runner.get<{ revoked_at: number | null; expires_at: number; license_id: string }>(SQL.session, [sessionId]);
        return row === undefined ? null : { licenseId: row.license_id, revoked: row.revoked_at !== null, expiresAt: row.expires_at };
      });
      if (session === null || session.licenseId !== licenseId) return null;
      return { revoked: session.revoked, expiresAt: Math.max(session.expiresAt, writes.pendingExpiry(sessionId) ?? 0) };
    },
    async countLiveSessions(licenseId, now) {
      return (await runner.get<{ n: number }>(SQL.liveSessions, [licenseId, now]))?.n ?? 0;
    },
    async bind(kind, licenseId, value, max, now) {
      const bound = (await runner.run(kind === "hwid" ? SQL.bindHwid : SQL.bindIp, [value, now, licenseId, max, value])) === 1;
      updateCachedLicense(licenseId, (license) =>
        !bound ? null : kind === "hwid" ? { ...license, hwids: [...license.hwids, value] } : { ...license, ips: [...license.ips, value] },
      );
      return bound;
    },
    async startClock(licenseId, expiresAt, now) {
      const started = (await runner.run(SQL.startClock, [expiresAt, now, licenseId])) === 1;
      updateCachedLicense(licenseId, (license) => (started ? { ...license, expiresAt } : null));
    },
    async openSession(s, max, now) {
      const args = [s.id, s.licenseId, s.hwid, s.ip, s.appVersion, s.createdAt, s.lastSeenAt, s.expiresAt, s.licenseId, now, max];
      const opened = (await runner.run(SQL.openSession, args)) === 1;
      if (opened && cacheOn) cache.remember(sessions, s.id, { licenseId: s.licenseId, revoked: false, expiresAt: s.expiresAt });
      return opened;
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
