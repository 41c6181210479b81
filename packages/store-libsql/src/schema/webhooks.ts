import { sqliteTable, text, integer, index, uniqueIndex, blob } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { orgs, products } from "./orgs.ts";

/**
 * Webhooks: endpoints per product, the transactional outbox, the event log, one
 * delivery per (event, endpoint) and a log of every attempt. Deleting a product removes
 * its endpoints, events, deliveries and attempts.
 */

export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description"),
    /** JSON array of event types, or ["*"]. */
    events: text("events").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
    /** AES-256-GCM sealed signing secret (see core webhooks/secret-box.ts). */
    secretSealed: text("secret_sealed").notNull(),
    failingSince: integer("failing_since"),
    disabledReason: text("disabled_reason"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("webhook_endpoints_product_idx").on(t.productId, t.id)],
);

/**
 * The transactional outbox: one row per batch of up to 100 events recorded together (a
 * bulk change of 500 licenses writes 5 rows, not 500), compressed, with no secondary
 * index, so the request that records them pays as little as possible. The worker moves
 * each row into `webhook_events` and deletes it.
 */
export const webhookOutbox = sqliteTable("webhook_outbox", {
  id: text("id").primaryKey(),
  /** The product whose endpoints receive the batch, or null for an org-wide batch. */
  productId: text("product_id").references(() => products.id, { onDelete: "cascade" }),
  orgId: text("org_id").references(() => orgs.id, { onDelete: "cascade" }),
  /** Set for events meant for one endpoint only (test events). */
  endpointId: text("endpoint_id").references(() => webhookEndpoints.id, { onDelete: "cascade" }),
  eventCount: integer("event_count").notNull(),
  /** deflate-raw of one line per event: `<id> <type> <data JSON>` (see outbox-batch.ts). */
  events: blob("events", { mode: "buffer" }).notNull(),
  createdAt: integer("created_at").notNull(),
});

/** The event log: what was fanned out, kept for the delivery log until pruned (ids are UUIDv7, time-ordered). */
export const webhookEvents = sqliteTable("webhook_events", {
  id: text("id").primaryKey(),
  productId: text("product_id").references(() => products.id, { onDelete: "cascade" }),
  orgId: text("org_id").references(() => orgs.id, { onDelete: "cascade" }),
  type: text("type").notNull(),
  /** JSON text of the event's `data`. */
  data: text("data").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "delivered", "failed"] }).notNull(),
    attempts: integer("attempts").notNull(),
    attemptLimit: integer("attempt_limit").notNull(),
    nextAttemptAt: integer("next_attempt_at"),
    /** The worker holding the current attempt, until `lease_until`. */
    leaseToken: text("lease_token"),
    leaseUntil: integer("lease_until"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: integer("delivered_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_endpoint_unique").on(t.eventId, t.endpointId),
    // Only pending rows are indexed: "is anything due?" and each endpoint's oldest due delivery.
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_endpoint_due_idx").on(t.endpointId, t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id),
  ],
);

export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: text("id").primaryKey(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    outcome: text("outcome").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    responseSnippet: text("response_snippet"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("webhook_attempts_endpoint_idx").on(t.endpointId, t.id), index("webhook_attempts_delivery_idx").on(t.deliveryId)],
);
