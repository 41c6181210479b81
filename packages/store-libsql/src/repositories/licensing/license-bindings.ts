import { and, eq, notInArray } from "drizzle-orm";
import { readableTimestamp, type LicenseDevice, type LicenseRecord } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { licenseHwids, licenseIps } from "../../schema/index.ts";
import { chunks } from "../chunks.ts";

/** 6 columns × 500 rows stays well under SQLite's 32766 variables. */
const ROW_CHUNK = 500;

/**
 * SQL text of a license's devices as one JSON array of
 * `[hwid, name, platform, firstSeenAt, lastSeenAt]`, in bind order (`licenseId` is the
 * SQL expression naming the license). One subquery per license row: a page of views
 * costs one index range per license instead of a second round trip.
 */
export const devicesJsonSql = (licenseId: string) =>
  `(SELECT json_group_array(json_array(hwid, name, platform, first_seen_at, last_seen_at) ORDER BY seq) FROM license_hwids WHERE license_id = ${licenseId})`;

/** SQL text of a license's bound IPs as a JSON array of strings, in bind order. */
export const ipsJsonSql = (licenseId: string) => `(SELECT json_group_array(ip ORDER BY seq) FROM license_ips WHERE license_id = ${licenseId})`;

type DeviceTuple = [string, string | null, string | null, number, number];

/** devicesJsonSql's text → devices (most licenses have none: no parse then). */
export function parseDevices(json: string): LicenseDevice[] {
  if (json === "[]") return [];
  // Times read through the same bound as the license's own (a migrated row copies them).
  return (JSON.parse(json) as DeviceTuple[]).map(([hwid, name, platform, firstSeenAt, lastSeenAt]) => ({
    hwid,
    name,
    platform,
    firstSeenAt: readableTimestamp(firstSeenAt),
    lastSeenAt: readableTimestamp(lastSeenAt),
  }));
}

export const parseIps = (json: string): string[] => (json === "[]" ? [] : (JSON.parse(json) as string[]));

/** Binding rows for new licenses (create, import): first and last seen at the license's creation. */
export async function insertBindings(db: Executor, records: LicenseRecord[]): Promise<void> {
  const hwids = records.flatMap((r) => r.hwids.map((hwid) => ({ licenseId: r.id, hwid, firstSeenAt: r.createdAt, lastSeenAt: r.createdAt })));
  const ips = records.flatMap((r) => r.ips.map((ip) => ({ licenseId: r.id, ip, firstSeenAt: r.createdAt, lastSeenAt: r.createdAt })));
  // A value listed twice binds once, as authorize would have bound it.
  for (const chunk of chunks(hwids, ROW_CHUNK)) await db.insert(licenseHwids).values(chunk).onConflictDoNothing();
  for (const chunk of chunks(ips, ROW_CHUNK)) await db.insert(licenseIps).values(chunk).onConflictDoNothing();
}

/**
 * Makes the license's bindings the given lists (a reset passes []): values no longer
 * listed are removed, new ones appended; the ones kept keep their times and order.
 */
export async function replaceBindings(db: Executor, licenseId: string, lists: Pick<Partial<LicenseRecord>, "hwids" | "ips">, now: number): Promise<void> {
  if (lists.hwids !== undefined) {
    await db.delete(licenseHwids).where(and(eq(licenseHwids.licenseId, licenseId), notInArray(licenseHwids.hwid, lists.hwids)));
    const rows = lists.hwids.map((hwid) => ({ licenseId, hwid, firstSeenAt: now, lastSeenAt: now }));
    for (const chunk of chunks(rows, ROW_CHUNK)) await db.insert(licenseHwids).values(chunk).onConflictDoNothing();
  }
  if (lists.ips !== undefined) {
    await db.delete(licenseIps).where(and(eq(licenseIps.licenseId, licenseId), notInArray(licenseIps.ip, lists.ips)));
    const rows = lists.ips.map((ip) => ({ licenseId, ip, firstSeenAt: now, lastSeenAt: now }));
    for (const chunk of chunks(rows, ROW_CHUNK)) await db.insert(licenseIps).values(chunk).onConflictDoNothing();
  }
}

/** The table of each binding field of core's LICENSE_FIELDS (checked by license-columns.test.ts). */
export const BINDING_TABLES = { hwids: licenseHwids, ips: licenseIps };
