import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { orgs } from "./orgs.ts";

/**
 * Invitations to join an org. The mailed token is kept only as its SHA-256 hash; a resend
 * replaces it. `pending` past `expires_at` reads as expired; `expired` is stored when a new
 * invite to the same address supersedes it. One pending invite per (org, email), held by
 * a partial unique index, so two concurrent invites cannot both land.
 */
export const orgInvites = sqliteTable(
  "org_invites",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: ["admin", "member", "viewer"] }).notNull(),
    status: text("status", { enum: ["pending", "accepted", "declined", "revoked", "expired"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** A user id; not a foreign key, the invite's history outlives the inviter's account. */
    invitedBy: text("invited_by").notNull(),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("org_invites_one_pending_idx").on(t.orgId, t.email).where(sql`${t.status} = 'pending'`),
    index("org_invites_org_idx").on(t.orgId, t.createdAt),
    index("org_invites_email_idx").on(t.email, t.status),
  ],
);
