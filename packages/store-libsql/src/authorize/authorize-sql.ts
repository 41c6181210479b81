import { getTableColumns } from "drizzle-orm";
import { licenses } from "../schema/index.ts";
import { devicesJsonSql, ipsJsonSql } from "../repositories/licensing/license-bindings.ts";
import { PRODUCT_SUBSCRIBES_SQL } from "../repositories/webhooks/subscription-sql.ts";

/**
 * The authorize path's statements: plain SQL on prepared statements, no ORM on the hot
 * path. The full license row is derived from the drizzle schema (every column, under its
 * TypeScript name), so a new column reaches the hwid_bound event without an edit here.
 */
const everyLicenseColumn = Object.entries(getTableColumns(licenses))
  .map(([field, column]) => `l.${column.name} AS "${field}"`)
  .join(", ");

export const SQL = {
  key: `SELECT k.id, k.product_id, p.org_id, k.secret_hash, k.permissions, k.revoked_at
        FROM api_keys k JOIN products p ON p.id = k.product_id WHERE k.prefix = ?`,
  // Bindings as [value, lastSeenAt(, name, platform)] tuples: membership and count for the
  // decision, last seen for the write-behind's granularity (device-sightings.ts).
  license: `SELECT l.id, l.status, l.frozen, l.frozen_at, l.expires_at, l.duration_days, l.policy_overrides, p.policy, l.channels, l.updates_until,
              (SELECT json_group_array(json_array(hwid, last_seen_at, name, platform)) FROM license_hwids WHERE license_id = l.id) AS hwids,
              (SELECT json_group_array(json_array(ip, last_seen_at)) FROM license_ips WHERE license_id = l.id) AS ips
            FROM licenses l JOIN products p ON p.id = l.product_id WHERE l.product_id = ? AND l.key = ?`,
  hwidListed: `SELECT 1 AS hit FROM blacklist_entries WHERE product_id = ? AND type = 'HWID' AND value = ? LIMIT 1`,
  ipListed: `SELECT 1 AS hit FROM blacklist_entries WHERE product_id = ? AND type = 'IP' AND range_start <= ? AND range_end >= ? LIMIT 1`,
  session: `SELECT revoked_at, expires_at, license_id, hwid FROM license_sessions WHERE id = ?`,
  liveSessions: `SELECT count(*) AS n FROM license_sessions WHERE license_id = ? AND revoked_at IS NULL AND expires_at > ?`,
  // One statement each: the guard (a free slot, the value not bound yet) and the insert
  // happen under SQLite's write lock.
  bindHwid: `INSERT INTO license_hwids (license_id, hwid, name, platform, first_seen_at, last_seen_at)
             SELECT ?, ?, ?, ?, ?, ? WHERE (SELECT count(*) FROM license_hwids WHERE license_id = ?) < ?
             ON CONFLICT DO NOTHING`,
  bindIp: `INSERT INTO license_ips (license_id, ip, first_seen_at, last_seen_at)
           SELECT ?, ?, ?, ? WHERE (SELECT count(*) FROM license_ips WHERE license_id = ?) < ?
           ON CONFLICT DO NOTHING`,
  startClock: `UPDATE licenses SET expires_at = ?, updated_at = ? WHERE id = ? AND expires_at IS NULL`,
  openSession: `INSERT INTO license_sessions (id, license_id, hwid, ip, app_version, created_at, last_seen_at, expires_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?
                WHERE (SELECT count(*) FROM license_sessions WHERE license_id = ? AND revoked_at IS NULL AND expires_at > ?) < ?`,
  // Release: ends a session of that license once (revoked_at set), the guard in the statement.
  releaseSession: `UPDATE license_sessions SET revoked_at = ? WHERE id = ? AND license_id = ? AND revoked_at IS NULL`,
  // The whole session, read only to describe a session.revoked event.
  fullSession: `SELECT id, license_id, hwid, ip, app_version, created_at, last_seen_at, expires_at, revoked_at FROM license_sessions WHERE id = ?`,
  signingKey: `SELECT private_key FROM products WHERE id = ?`,
  // What the licensed app receives (docs/variables.md, docs/versions.md): a license's
  // variables (its overrides win, so they come last) and the product's versions.
  appVariables: `SELECT name, value, 0 AS overrides FROM product_variables WHERE product_id = ?
                 UNION ALL SELECT name, value, 1 FROM license_variables WHERE license_id = ? ORDER BY overrides`,
  versions: `SELECT id, version, channel, notes, required, file_id, released_at, yanked_at, created_at, updated_at FROM product_versions WHERE product_id = ?`,
  subscribed: `SELECT 1 AS hit WHERE ${PRODUCT_SUBSCRIBES_SQL}`,
  // The whole license as the dashboard sees it, read only to describe a license.hwid_bound event.
  fullLicense: `SELECT ${everyLicenseColumn}, ${devicesJsonSql("l.id")} AS devices, ${ipsJsonSql("l.id")} AS ips,
                  e.id AS ownerId, e.username AS ownerUsername, e.email AS ownerEmail, p.policy AS productPolicy
                FROM licenses l JOIN products p ON p.id = l.product_id LEFT JOIN end_users e ON e.id = l.end_user_id WHERE l.id = ?`,
};

export interface KeyRow { id: string; product_id: string; org_id: string; secret_hash: string; permissions: string; revoked_at: number | null }
export interface LicenseRow {
  id: string; status: "active" | "revoked"; frozen: number; frozen_at: number | null; expires_at: number | null; duration_days: number | null;
  /** JSON `[[hwid, lastSeenAt, name, platform], …]` / `[[ip, lastSeenAt], …]`. */
  hwids: string; ips: string; policy_overrides: string; policy: string;
  /** JSON array of channel names. */
  channels: string; updates_until: number | null;
}
export interface VersionRow {
  id: string; version: string; channel: string; notes: string | null; required: number; file_id: string | null;
  released_at: number; yanked_at: number | null; created_at: number; updated_at: number;
}
export interface SessionRow {
  id: string; license_id: string; hwid: string | null; ip: string | null; app_version: string | null;
  created_at: number; last_seen_at: number; expires_at: number; revoked_at: number | null;
}
