import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { orgs, products } from "./orgs.ts";

/**
 * The license domain: API keys, end users, licenses, sessions and blacklists (the
 * HWID/IP bindings are rows of their own: license-bindings.ts). Every row hangs off a
 * product (or, for end users, an org),
 * and deleting that parent cascades.
 */

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Public, random part of the key: the O(1) lookup index. */
    prefix: text("prefix").notNull().unique(),
    /** SHA-256 hex of the whole key; the plaintext is never stored. */
    secretHash: text("secret_hash").notNull(),
    /** JSON array of scopes. */
    permissions: text("permissions").notNull(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("api_keys_product_idx").on(t.productId)],
);

export const endUsers = sqliteTable(
  "end_users",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    username: text("username").notNull(),
    email: text("email"),
    /** Lower-cased copies for case-insensitive exact and partial lookups. */
    usernameLower: text("username_lower").notNull(),
    emailLower: text("email_lower"),
    /** argon2id; null until the end user sets a password through the portal (docs/portal.md). */
    passwordHash: text("password_hash"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("end_users_org_username_unique").on(t.orgId, t.usernameLower),
    index("end_users_org_email_idx").on(t.orgId, t.emailLower),
  ],
);

export const licenses = sqliteTable(
  "licenses",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    status: text("status", { enum: ["active", "revoked"] }).notNull(),
    frozen: integer("frozen", { mode: "boolean" }).notNull().default(false),
    /** When the current freeze began; unfreezing pushes expiresAt forward by the pause. */
    frozenAt: integer("frozen_at"),
    expiresAt: integer("expires_at"),
    durationDays: integer("duration_days"),
    /** JSON object: the per-license overrides of the product policy. */
    policyOverrides: text("policy_overrides").notNull().default("{}"),
    note: text("note"),
    /** JSON object supplied by the vendor. */
    metadata: text("metadata").notNull().default("{}"),
    endUserId: text("end_user_id").references(() => endUsers.id, { onDelete: "set null" }),
    redeemedAt: integer("redeemed_at"),
    lastAuthorizedAt: integer("last_authorized_at"),
    /** JSON array: the release channels whose versions this license follows (docs/versions.md). */
    channels: text("channels", { mode: "json" }).$type<string[]>().notNull().default(["stable"]),
    /** Entitled to versions released before this time; null: to every version. */
    updatesUntil: integer("updates_until"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("licenses_product_key_unique").on(t.productId, t.key),
    index("licenses_product_id_idx").on(t.productId, t.id),
    index("licenses_end_user_idx").on(t.endUserId),
    index("licenses_product_expires_idx").on(t.productId, t.expiresAt),
  ],
);

export const licenseSessions = sqliteTable(
  "license_sessions",
  {
    id: text("id").primaryKey(),
    licenseId: text("license_id")
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    hwid: text("hwid"),
    ip: text("ip"),
    appVersion: text("app_version"),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("license_sessions_license_idx").on(t.licenseId, t.expiresAt)],
);

export const blacklistEntries = sqliteTable(
  "blacklist_entries",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    type: text("type", { enum: ["HWID", "IP"] }).notNull(),
    /** Canonical text: the HWID as given, or an address / CIDR range in normal form. */
    value: text("value").notNull(),
    /**
     * For IP entries: first and last address of the range as 32 hex digits of the
     * IPv6 (or IPv4-mapped) address, so "is this address listed" is a range query.
     */
    rangeStart: text("range_start"),
    rangeEnd: text("range_end"),
    reason: text("reason"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("blacklist_product_type_value_unique").on(t.productId, t.type, t.value),
    index("blacklist_product_range_idx").on(t.productId, t.type, t.rangeStart),
  ],
);

