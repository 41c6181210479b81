import { sqliteTable, text, integer, uniqueIndex } from "drizzle-orm/sqlite-core";
import { licenses } from "./licensing.ts";

/**
 * What a license is bound to, one row per value: the machines (HWIDs) and addresses
 * (IPs) authorize bound on first sight. Tenancy comes from the license (the rows go with
 * it). `seq` is the rowid, so it grows with every bind: ordering by it gives bind order,
 * which is the order the API lists `hwids` and `ips` in. A value binds once per license
 * (the unique index); the slot limit is enforced by the binding statement itself.
 *
 * `last_seen_at` is written by the authorize write-behind at a coarse granularity (see
 * docs/authorize.md, "Devices"), not on every call.
 */
export const licenseHwids = sqliteTable(
  "license_hwids",
  {
    seq: integer("seq").primaryKey(),
    licenseId: text("license_id")
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    hwid: text("hwid").notNull(),
    /** What the SDK reported for the machine on authorize (optional, bounded, no control characters). */
    name: text("name"),
    platform: text("platform"),
    firstSeenAt: integer("first_seen_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
  },
  (t) => [uniqueIndex("license_hwids_license_hwid_unique").on(t.licenseId, t.hwid)],
);

export const licenseIps = sqliteTable(
  "license_ips",
  {
    seq: integer("seq").primaryKey(),
    licenseId: text("license_id")
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    ip: text("ip").notNull(),
    firstSeenAt: integer("first_seen_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
  },
  (t) => [uniqueIndex("license_ips_license_ip_unique").on(t.licenseId, t.ip)],
);
