import {
  deferredLicenseData,
  sessionEventData,
  uuidv7,
  type AuthorizeKey,
  type AuthorizeLicense,
  type AuthorizeStore,
  type LicensePolicyOverrides,
  type ProductPolicy,
  type Scope,
  type WebhookEventType,
} from "@geckoguard/core";
import { toLicenseViews, type LicenseViewRow } from "../repositories/license-rows.ts";
import { PRODUCT_SUBSCRIBES_SQL } from "../repositories/subscription-sql.ts";
import { outboxEventStatement } from "./outbox-statement.ts";
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
  subscribed: `SELECT 1 AS hit WHERE ${PRODUCT_SUBSCRIBES_SQL}`,
  // The whole license as the dashboard sees it, read only to describe a license.hwid_bound event.
  fullLicense: `SELECT l.id, l.product_id AS productId, l.key, l.status, l.frozen, l.frozen_at AS frozenAt, l.expires_at AS expiresAt,
                  l.duration_days AS durationDays, l.policy_overrides AS policyOverrides, l.hwids, l.ips, l.note, l.metadata,
                  l.end_user_id AS endUserId, l.redeemed_at AS redeemedAt, l.last_authorized_at AS lastAuthorizedAt,
                  l.created_at AS createdAt, l.updated_at AS updatedAt, e.id AS ownerId, e.username AS ownerUsername,
                  e.email AS ownerEmail, p.policy AS productPolicy
                FROM licenses l JOIN products p ON p.id = l.product_id LEFT JOIN end_users e ON e.id = l.end_user_id WHERE l.id = ?`,
};

interface KeyRow { id: string; product_id: string; org_id: string; secret_hash: string; permissions: string; revoked_at: number | null }
interface LicenseRow {
  id: string; status: "active" | "revoked"; frozen: number; frozen_at: number | null; expires_at: number | null; duration_days: number | null;
  hwids: string; ips: string; policy_overrides: string; policy: string;
}

type FullLicenseRow = Omit<LicenseViewRow["license"], "frozen"> & Omit<LicenseViewRow, "license"> & { frozen: number };

export type SqlAuthorizeStore = AuthorizeStore & {
  /** Drops the read cache if another connection committed (see the `revalidate` option). */
  revalidate(): void;
  /** Forgets every cached row (after writes this connection rolled back). */
  dropCache(): void;
  start(): void;
  stop(): Promise<void>;
};

type CachedSession = { licenseId: string; revoked: boolean; expiresAt: number } | null;

/**
 * The AuthorizeStore port on SQL: plain statements, no ORM on the hot path. With a
 * runner that can report `data_version` (the embedded engine), reads are served from a
 * ReadCache that is exact (see read-cache.ts); otherwise every read is a query.
 */
export function sqlAuthorizeStore(
  runner: SqlRunner,
  options: {
    flushIntervalMs: number;
    onError: (error: unknown) => void;
    /** When the read cache checks `data_version`: at each request's first read (default), or when the caller says (`revalidate()`, once per batch). */
    revalidate?: "per-request" | "by-caller";
  },
): SqlAuthorizeStore {
  const writes = new WriteBehind(runner, options.flushIntervalMs, options.onError);
  const cache = new ReadCache(runner.dataVersion ?? (() => Number.NaN));
  const cacheOn = runner.dataVersion !== null;
  const revalidatePerRequest = cacheOn && (options.revalidate ?? "per-request") === "per-request";
  const keys = cache.map<AuthorizeKey | null>();
  const licenses = cache.map<AuthorizeLicense | null>();
  const listed = cache.map<boolean>();
  const sessions = cache.map<CachedSession>();
  const subscriptions = cache.map<boolean>();
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
  /** Whether an enabled endpoint of the product wants `type` (exact while cached: endpoints change on other connections). */
  const subscribed = (productId: string, type: WebhookEventType) =>
    cached(subscriptions, `${productId}\n${type}`, async () => (await runner.get(SQL.subscribed, [productId, type])) !== undefined);

  /**
   * A guarded write, and when the product subscribes to `type`, the outbox insert of its
   * event in the same transaction (written only if the guarded write changed a row).
   * Answers whether the guarded write changed a row.
   */
  async function writeWithEvent(
    write: { sql: string; args: (string | number | null)[] },
    productId: string,
    type: WebhookEventType,
    data: () => Promise<unknown>,
    now: number,
  ): Promise<boolean> {
    if (!(await subscribed(productId, type))) return (await runner.run(write.sql, write.args)) === 1;
    const event = { id: uuidv7(now), productId, type, data: await data(), createdAt: now };
    const [changed] = await runner.batch([write, outboxEventStatement(event, { afterChange: true })]);
    return changed === 1;
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
      if (revalidatePerRequest) cache.revalidate(); // the first read of every request
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
          key,
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
    async bind(kind, license, value, now) {
      const max = kind === "hwid" ? license.policy.maxHwids : license.policy.maxIps;
      const write = { sql: kind === "hwid" ? SQL.bindHwid : SQL.bindIp, args: [value, now, license.id, max, value] };
      const bound =
        kind === "hwid"
          ? await writeWithEvent(write, license.productId, "license.hwid_bound", async () => {
              const row = await runner.get<FullLicenseRow>(SQL.fullLicense, [license.id]);
              if (row === undefined) return { license: null, hwid: value };
              const { ownerId, ownerUsername, ownerEmail, productPolicy, ...fields } = row;
              const [view] = toLicenseViews([{ license: { ...fields, frozen: row.frozen === 1 }, ownerId, ownerUsername, ownerEmail, productPolicy }]);
              return deferredLicenseData({ ...view!, hwids: [...view!.hwids, value], updatedAt: now }, { hwid: value });
            }, now)
          : (await runner.run(write.sql, write.args)) === 1;
      updateCachedLicense(license.id, (cachedLicense) =>
        !bound ? null : kind === "hwid" ? { ...cachedLicense, hwids: [...cachedLicense.hwids, value] } : { ...cachedLicense, ips: [...cachedLicense.ips, value] },
      );
      return bound;
    },
    async startClock(licenseId, expiresAt, now) {
      const started = (await runner.run(SQL.startClock, [expiresAt, now, licenseId])) === 1;
      updateCachedLicense(licenseId, (license) => (started ? { ...license, expiresAt } : null));
    },
    async openSession(s, license, now) {
      const args = [s.id, s.licenseId, s.hwid, s.ip, s.appVersion, s.createdAt, s.lastSeenAt, s.expiresAt, s.licenseId, now, license.policy.maxSessions];
      const opened = await writeWithEvent({ sql: SQL.openSession, args }, license.productId, "session.opened", async () => sessionEventData(s, license), now);
      if (opened && cacheOn) cache.remember(sessions, s.id, { licenseId: s.licenseId, revoked: false, expiresAt: s.expiresAt });
      return opened;
    },
    heartbeat: (sessionId, expiresAt, now) => writes.heartbeat(sessionId, expiresAt, now),
    touchLicense: (licenseId, now) => writes.touch(licenseId, now),
    async signingKeyPem(productId) {
      return (await runner.get<{ private_key: string }>(SQL.signingKey, [productId]))?.private_key ?? null;
    },
    flush: () => writes.flush(),
    revalidate: () => {
      if (cacheOn) cache.revalidate();
    },
    dropCache: () => cache.clear(),
    start: () => writes.start(),
    stop: () => writes.stop(),
  };
}
