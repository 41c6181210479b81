import { sqliteTable, text, integer, primaryKey } from "drizzle-orm/sqlite-core";
import { products } from "./orgs.ts";

/**
 * Authorize outcomes per product and UTC day (docs/team-and-audit.md#analytics). Rows are
 * only ever added to (`count = count + excluded.count`), so several processes flushing
 * into one database add up instead of overwriting each other. `day` is whole days since
 * the Unix epoch (UTC).
 */
export const authorizeOutcomeDays = sqliteTable(
  "authorize_outcome_days",
  {
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    day: integer("day").notNull(),
    /** `ALLOWED`, or the code of the license verdict that denied the call. */
    outcome: text("outcome").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.day, t.outcome] })],
);

/**
 * Distinct licenses of a product authorized (allowed) per UTC day. The write-behind counts
 * a license when its touch moves `licenses.last_authorized_at` into a day it was not in
 * yet, in the touch's transaction (src/authorize/authorized-days.ts).
 */
export const authorizedLicenseDays = sqliteTable(
  "authorized_license_days",
  {
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    day: integer("day").notNull(),
    licenses: integer("licenses").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.day] })],
);
