import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { orgs } from "./orgs.ts";
import { endUsers, licenses } from "./licensing.ts";
import { oneTimeTokenTable, refreshTokenTable } from "./accounts.ts";

/** The end-user portal (docs/portal.md): its per-org settings, end-user credentials and self-service resets. */

/** One row per org that ever saved its portal settings; no row reads as the defaults (portal off). */
export const portalSettings = sqliteTable("portal_settings", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => orgs.id, { onDelete: "cascade" }),
  enabled: integer("enabled", { mode: "boolean" }).notNull(),
  selfRegistration: integer("self_registration", { mode: "boolean" }).notNull(),
  hwidResetCooldownHours: integer("hwid_reset_cooldown_hours").notNull(),
  maxSelfResetsPer30Days: integer("max_self_resets_per_30_days").notNull(),
  allowSessionKill: integer("allow_session_kill", { mode: "boolean" }).notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const endUserRefreshTokens = refreshTokenTable("end_user_refresh_tokens", () => endUsers.id);
export const endUserOneTimeTokens = oneTimeTokenTable("end_user_one_time_tokens", () => endUsers.id);

/**
 * Each HWID reset or device deactivation an end user made on a license: the cooldown and
 * the 30-day cap count these rows. Vendor resets are not counted.
 */
export const endUserSelfResets = sqliteTable(
  "end_user_self_resets",
  {
    id: text("id").primaryKey(),
    licenseId: text("license_id")
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    endUserId: text("end_user_id")
      .notNull()
      .references(() => endUsers.id, { onDelete: "cascade" }),
    at: integer("at").notNull(),
  },
  (t) => [index("end_user_self_resets_license_idx").on(t.licenseId, t.at)],
);
