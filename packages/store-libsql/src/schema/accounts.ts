import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, primaryKey, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/** Accounts and their credentials. Times are epoch milliseconds (INTEGER); ids are UUIDv7 text. */

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name"),
  passwordHash: text("password_hash").notNull(),
  emailVerifiedAt: integer("email_verified_at"),
  totpSecret: text("totp_secret"),
  totpPendingSecret: text("totp_pending_secret"),
  totpLastStep: integer("totp_last_step"),
  activeOrgId: text("active_org_id"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * The refresh and single-use token tables of one kind of account. Dashboard users and
 * portal end users each get their own pair of identical shape (so one repository serves
 * both and a token can never name an account of the other kind); `user_id` is the
 * account of that kind, and deleting it deletes its tokens.
 */
export function refreshTokenTable(name: string, account: () => AnySQLiteColumn) {
  return sqliteTable(
    name,
    {
      id: text("id").primaryKey(),
      userId: text("user_id")
        .notNull()
        .references(account, { onDelete: "cascade" }),
      familyId: text("family_id").notNull(),
      tokenHash: text("token_hash").notNull().unique(),
      expiresAt: integer("expires_at").notNull(),
      rotatedAt: integer("rotated_at"),
      revokedAt: integer("revoked_at"),
      createdAt: integer("created_at").notNull(),
    },
    (t) => [index(`${name}_family_idx`).on(t.familyId), index(`${name}_user_idx`).on(t.userId)],
  );
}

export function oneTimeTokenTable(name: string, account: () => AnySQLiteColumn) {
  return sqliteTable(
    name,
    {
      id: text("id").primaryKey(),
      userId: text("user_id")
        .notNull()
        .references(account, { onDelete: "cascade" }),
      purpose: text("purpose", { enum: ["verify_email", "reset_password", "login_challenge"] }).notNull(),
      tokenHash: text("token_hash").notNull().unique(),
      expiresAt: integer("expires_at").notNull(),
      usedAt: integer("used_at"),
      failedAttempts: integer("failed_attempts").notNull().default(0),
      createdAt: integer("created_at").notNull(),
    },
    (t) => [index(`${name}_user_idx`).on(t.userId, t.purpose)],
  );
}

export type RefreshTokenTable = ReturnType<typeof refreshTokenTable>;
export type OneTimeTokenTable = ReturnType<typeof oneTimeTokenTable>;

export const refreshTokens = refreshTokenTable("refresh_tokens", () => users.id);
export const oneTimeTokens = oneTimeTokenTable("one_time_tokens", () => users.id);

export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: integer("used_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/**
 * Mails queued with the change that causes them. With SMTP configured the mail sender
 * leases a due row (`lease_token`, `lease_until`), sends it, and sets `sent_at`; a failed
 * attempt moves `next_attempt_at` back, and after the last one `failed_at` gives it up.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: text("id").primaryKey(),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull().default(0),
    leaseToken: text("lease_token"),
    leaseUntil: integer("lease_until"),
    lastError: text("last_error"),
    failedAt: integer("failed_at"),
  },
  (t) => [index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.sentAt} IS NULL AND ${t.failedAt} IS NULL`)],
);

