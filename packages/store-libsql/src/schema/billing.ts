import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import type { LicenseTemplate } from "@geckoguard/core";
import { products } from "./orgs.ts";
import { endUsers, licenses } from "./licensing.ts";

/**
 * Billing: a product's plans, the subscriptions sold on them, the product's Stripe
 * secret and the ledger of Stripe events already applied. Everything hangs off a product
 * and goes with it.
 */

export const plans = sqliteTable(
  "plans",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    interval: text("interval", { enum: ["day", "week", "month", "year"] }).notNull(),
    intervalCount: integer("interval_count").notNull(),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    trialDays: integer("trial_days").notNull(),
    graceDays: integer("grace_days").notNull(),
    licenseTemplate: text("license_template", { mode: "json" }).$type<LicenseTemplate>().notNull(),
    externalPriceId: text("external_price_id"),
    archivedAt: integer("archived_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("plans_product_idx").on(t.productId, t.id), uniqueIndex("plans_product_external_price_unique").on(t.productId, t.externalPriceId)],
);

export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id),
    pendingPlanId: text("pending_plan_id").references(() => plans.id),
    endUserId: text("end_user_id")
      .notNull()
      .references(() => endUsers.id, { onDelete: "cascade" }),
    licenseId: text("license_id").references(() => licenses.id, { onDelete: "set null" }),
    status: text("status", { enum: ["trialing", "active", "past_due", "canceled", "expired"] }).notNull(),
    anchorAt: integer("anchor_at").notNull(),
    periodIndex: integer("period_index").notNull(),
    currentPeriodStart: integer("current_period_start").notNull(),
    currentPeriodEnd: integer("current_period_end").notNull(),
    trialEndsAt: integer("trial_ends_at"),
    cancelAtPeriodEnd: integer("cancel_at_period_end", { mode: "boolean" }).notNull(),
    canceledAt: integer("canceled_at"),
    /** When the clock expires it; NULL once expired. The clock's index. */
    dueAt: integer("due_at"),
    dueAction: text("due_action", { enum: ["freeze", "expire"] }),
    licenseFrozenByBilling: integer("license_frozen_by_billing", { mode: "boolean" }).notNull(),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    externalSubscriptionId: text("external_subscription_id"),
    externalEventAt: integer("external_event_at"),
    revision: integer("revision").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("subscriptions_product_idx").on(t.productId, t.id),
    index("subscriptions_due_idx").on(t.dueAt),
    index("subscriptions_license_idx").on(t.licenseId),
    uniqueIndex("subscriptions_product_external_unique").on(t.productId, t.externalSubscriptionId),
  ],
);

export const stripeSettings = sqliteTable("stripe_settings", {
  productId: text("product_id")
    .primaryKey()
    .references(() => products.id, { onDelete: "cascade" }),
  /** Sealed like webhook endpoint secrets (AES-GCM under a key derived from the server secret). */
  webhookSecretSealed: text("webhook_secret_sealed").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** Each Stripe event id applied once per product; written in the transaction of its effect. */
export const stripeEvents = sqliteTable(
  "stripe_events",
  {
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.eventId] })],
);
