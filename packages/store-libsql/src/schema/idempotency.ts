import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

/** Idempotency-Key records shared by every server process on this database. */
export const idempotencyRecords = sqliteTable(
  "idempotency_records",
  {
    /** SHA-256 of scope and key: no credential id or client address is stored in clear. */
    id: text("id").primaryKey(),
    /** HMAC of method, path and body of the request that claimed the key. */
    fingerprint: text("fingerprint").notNull(),
    /** Which request holds the key; completion and release check it. */
    claimId: text("claim_id").notNull(),
    /** Null while the request runs. */
    status: integer("status"),
    /** The JSON answer, once stored. */
    body: text("body"),
    /** Epoch ms: end of the lease while in progress, end of retention once completed. */
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("idempotency_records_expires_idx").on(t.expiresAt)],
);
