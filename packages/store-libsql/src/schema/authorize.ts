import { sqliteTable, text, integer, primaryKey, index } from "drizzle-orm/sqlite-core";

/** Nonces of signed authorize requests, for the shared (several processes) NonceStore. */
export const requestNonces = sqliteTable(
  "request_nonces",
  {
    scope: text("scope").notNull(),
    nonce: text("nonce").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.nonce] }), index("request_nonces_expires_idx").on(t.expiresAt)],
);
