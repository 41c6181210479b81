import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

/**
 * Rate-limit buckets shared by every server process on this database (GCRA state, one
 * row per bucket). Written by one UPSERT per request; rows of idle buckets are purged.
 */
export const rateLimitBuckets = sqliteTable("rate_limit_buckets", {
  /** SHA-256 of the bucket key, so client IPs, emails and license keys are not stored. */
  bucket: text("bucket").primaryKey(),
  /** Theoretical arrival time, microseconds since the epoch. */
  tatUs: integer("tat_us").notNull(),
  /** Outcome of the latest consume, read back by RETURNING (which only sees the new row). */
  lastAllowed: integer("last_allowed", { mode: "boolean" }).notNull(),
});
