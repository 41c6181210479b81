import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { orgs } from "./orgs.ts";

/**
 * The audit log: one row per change, chained per org (docs/team-and-audit.md#audit-log).
 * Each column is a field of the hashed entry; `changes` is its JSON text. The unique
 * (org, seq) index is the net under the gapless sequence; the org's deletion removes
 * its log.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    /** ISO 8601, as the entry renders and hashes it. */
    at: text("at").notNull(),
    /** The same instant in ms, for the from/to filters. */
    atMs: integer("at_ms").notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id").notNull(),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceId: text("resource_id").notNull(),
    productId: text("product_id"),
    ip: text("ip"),
    requestId: text("request_id").notNull(),
    changes: text("changes"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("audit_log_org_seq_idx").on(t.orgId, t.seq),
    index("audit_log_org_resource_idx").on(t.orgId, t.resourceType, t.resourceId),
    index("audit_log_org_actor_idx").on(t.orgId, t.actorId),
  ],
);
