import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { products } from "./orgs.ts";
import { licenses } from "./licensing.ts";

/**
 * What a licensed app receives besides its verdict (docs/variables.md, docs/versions.md):
 * configuration variables per product with per-license overrides, and the product's
 * released versions. Rows hang off a product or a license; deleting it cascades.
 */

export const productVariables = sqliteTable(
  "product_variables",
  {
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    value: text("value").notNull(),
    /** Secret values are shown only to admins and to the signed variables call. */
    secret: integer("secret", { mode: "boolean" }).notNull().default(false),
    description: text("description"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.name] })],
);

export const licenseVariables = sqliteTable(
  "license_variables",
  {
    licenseId: text("license_id")
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    value: text("value").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.licenseId, t.name] })],
);

export const productVersions = sqliteTable(
  "product_versions",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** Semver 2.0 text as given (normalized: no leading "v", no build metadata trimmed). */
    version: text("version").notNull(),
    channel: text("channel").notNull(),
    notes: text("notes"),
    required: integer("required", { mode: "boolean" }).notNull().default(false),
    fileId: text("file_id"),
    releasedAt: integer("released_at").notNull(),
    yankedAt: integer("yanked_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("product_versions_channel_version_unique").on(t.productId, t.channel, t.version), index("product_versions_product_idx").on(t.productId)],
);
