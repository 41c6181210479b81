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
  type VersionCatalog,
  type WebhookEventType,
} from "@geckoguard/core";
import { toLicenseViews, type LicenseViewRow } from "../repositories/licensing/license-rows.ts";
import { SQL, type KeyRow, type LicenseRow, type SessionRow } from "./authorize-sql.ts";
import { appVariablesOf, versionCatalogOf } from "./app-data-reads.ts";
import { DeviceSightings } from "./device-sightings.ts";
import { outboxEventStatement } from "./outbox-statement.ts";
import type { SqlArgs, SqlRunner } from "./sql-runner.ts";
import { WriteBehind } from "./write-behind.ts";
import { ReadCache } from "./read-cache.ts";

type FullLicenseRow = Omit<LicenseViewRow["license"], "frozen"> & Omit<LicenseViewRow, "license"> & { frozen: number };
type Statement = { sql: string; args: SqlArgs };

export type SqlAuthorizeStore = AuthorizeStore & {
  /** Drops the read cache if another connection committed (see the `revalidate` option). */
  revalidate(): void;
  /** Forgets every cached row (after writes this connection rolled back). */
  dropCache(): void;
  start(): void;
  stop(): Promise<void>;
};

/** A session row as the event presents it, ended at `endedAt`. */
const sessionOfRow = (row: SessionRow, endedAt: number) => ({
  id: row.id,
  licenseId: row.license_id,
  hwid: row.hwid,
  ip: row.ip,
  appVersion: row.app_version,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
  revokedAt: endedAt,
});

type CachedSession = { licenseId: string; revoked: boolean; expiresAt: number; hwid: string | null } | null;

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
  const sightings = new DeviceSightings(cache, writes);
  const cacheOn = runner.dataVersion !== null;
  const revalidatePerRequest = cacheOn && (options.revalidate ?? "per-request") === "per-request";
  const keys = cache.map<AuthorizeKey | null>();
  const licenses = cache.map<AuthorizeLicense | null>();
  const listed = cache.map<boolean>();
  const sessions = cache.map<CachedSession>();
  const subscriptions = cache.map<boolean>();
  const variables = cache.map<Record<string, string>>();
  const catalogs = cache.map<VersionCatalog>();
  const channelLists = new Map<string, string[]>();
  /** Channel lists repeat across licenses: each distinct JSON is parsed once. */
  const channelsOf = (json: string) => {
    let channels = channelLists.get(json);
    if (channels === undefined) {
      if (channelLists.size > 1000) channelLists.clear();
      channels = JSON.parse(json) as string[];
      channelLists.set(json, channels);
    }
    return channels;
  };
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
   * A guarded write (with follow-ups that check `changes()` themselves), and when the
   * product subscribes to `type`, the outbox insert of its event in the same transaction
   * (written only if the last statement changed a row). Answers whether the guarded
   * write changed a row.
   */
  async function writeWithEvent(
    guarded: [Statement, ...Statement[]],
    productId: string,
    type: WebhookEventType,
    data: () => Promise<unknown>,
    now: number,
  ): Promise<boolean> {
    const event = (await subscribed(productId, type)) ? { id: uuidv7(now), productId, type, data: await data(), createdAt: now } : null;
    const statements = event === null ? guarded : [...guarded, outboxEventStatement(event, { afterChange: true })];
    if (statements.length === 1) return (await runner.run(guarded[0].sql, guarded[0].args)) === 1;
    const [changed] = await runner.batch(statements);
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
        const { hwids, ips } = sightings.load(row.id, row.hwids, row.ips);
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
          hwids,
          ips,
          channels: channelsOf(row.channels),
          updatesUntil: row.updates_until,
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
        const row = await runner.get<{ revoked_at: number | null; expires_at: number; license_id: string; hwid: string | null }>(SQL.session, [sessionId]);
        return row === undefined ? null : { licenseId: row.license_id, revoked: row.revoked_at !== null, expiresAt: row.expires_at, hwid: row.hwid };
      });
      if (session === null || session.licenseId !== licenseId) return null;
      return { revoked: session.revoked, expiresAt: Math.max(session.expiresAt, writes.pendingExpiry(sessionId) ?? 0), hwid: session.hwid };
    },
    async countLiveSessions(licenseId, now) {
      return (await runner.get<{ n: number }>(SQL.liveSessions, [licenseId, now]))?.n ?? 0;
    },
    async bind(kind, license, value, now, device) {
      const bindWrite: Statement =
        kind === "hwid"
          ? { sql: SQL.bindHwid, args: [license.id, value, device.name ?? null, device.platform ?? null, now, now, license.id, license.policy.maxHwids] }
          : { sql: SQL.bindIp, args: [license.id, value, now, now, license.id, license.policy.maxIps] };
      const bound =
        kind === "hwid"
          ? await writeWithEvent([bindWrite], license.productId, "license.hwid_bound", async () => {
              const row = await runner.get<FullLicenseRow>(SQL.fullLicense, [license.id]);
              if (row === undefined) return { license: null, hwid: value };
              const { ownerId, ownerUsername, ownerEmail, productPolicy, devices, ips, ...fields } = row;
              const [view] = toLicenseViews([{ license: { ...fields, frozen: row.frozen === 1 }, devices, ips, ownerId, ownerUsername, ownerEmail, productPolicy }]);
              // Read before the bind commits: the event describes the license as it will be.
              const boundDevice = { hwid: value, name: device.name ?? null, platform: device.platform ?? null, firstSeenAt: now, lastSeenAt: now };
              return deferredLicenseData({ ...view!, hwids: [...view!.hwids, value], devices: [...view!.devices, boundDevice], updatedAt: now }, { hwid: value });
            }, now)
          : (await runner.run(bindWrite.sql, bindWrite.args)) === 1;
      if (bound) {
        sightings.bound(kind, license.id, value, now, device);
        // The license's updatedAt follows with its lastAuthorizedAt (same row, same flush):
        // a second statement here would double the bind's cost (measured, bench/README.md).
        writes.touch(license.id, now, { changed: true });
      }
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
      const opened = await writeWithEvent([{ sql: SQL.openSession, args }], license.productId, "session.opened", async () => sessionEventData(s, license), now);
      if (opened && cacheOn) cache.remember(sessions, s.id, { licenseId: s.licenseId, revoked: false, expiresAt: s.expiresAt, hwid: s.hwid });
      return opened;
    },
    async releaseSession(license, sessionId, now) {
      const released = await writeWithEvent([{ sql: SQL.releaseSession, args: [now, sessionId, license.id] }], license.productId, "session.revoked", async () => {
        const row = await runner.get<SessionRow>(SQL.fullSession, [sessionId]);
        // Read before the update commits: the event describes the session as it will be.
        return row === undefined ? { session: null } : sessionEventData(sessionOfRow(row, now), license);
      }, now);
      const cachedSession = sessions.get(sessionId);
      if (cacheOn && cachedSession != null) cache.remember(sessions, sessionId, { ...cachedSession, revoked: true });
      return released;
    },
    heartbeat: (sessionId, expiresAt, now) => writes.heartbeat(sessionId, expiresAt, now),
    touchLicense(license, seen, now) {
      writes.touch(license.id, now);
      sightings.see(license.id, seen, now);
    },
    // Exact while cached: variables and versions change only on other connections (the dashboard's).
    appVariables: (productId, licenseId) => cached(variables, licenseId, () => appVariablesOf(runner, productId, licenseId)),
    versionCatalog: (productId) => cached(catalogs, productId, () => versionCatalogOf(runner, productId)),
    countOutcome: (productId, outcome, now) => writes.countOutcome(productId, outcome, now),
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
