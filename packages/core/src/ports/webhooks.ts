import type { WebhookAttemptRecord, WebhookEndpointRecord } from "../records/webhook.ts";
import type { WebhookEventType } from "../webhooks/event-catalogue.ts";

export type WebhookEndpointPatch = Partial<
  Pick<WebhookEndpointRecord, "url" | "description" | "events" | "enabled" | "secretSealed" | "failingSince" | "disabledReason">
>;

export interface WebhookEndpointStore {
  /** Inserts unless the product already has `max` endpoints, in one guarded statement; false when full. */
  insertBelowLimit(endpoint: WebhookEndpointRecord, max: number): Promise<boolean>;
  /** Endpoints of one product, oldest first (the product filter is the tenancy check). */
  listByProduct(productId: string): Promise<WebhookEndpointRecord[]>;
  find(productId: string, id: string): Promise<WebhookEndpointRecord | null>;
  /** false when there is no such endpoint in the product. */
  update(productId: string, id: string, patch: WebhookEndpointPatch, now: number): Promise<boolean>;
  delete(productId: string, id: string): Promise<boolean>;
  /**
   * Enabled endpoints that may receive events aimed at these products, at every product
   * of these orgs, or at these endpoints by id; each with its product's org.
   */
  listForFanOut(targets: { productIds: string[]; orgIds: string[]; endpointIds: string[] }): Promise<(WebhookEndpointRecord & { orgId: string })[]>;
  /** A 2xx at these endpoints: their failure runs are over. */
  noteSuccess(ids: string[]): Promise<void>;
  /** A failed attempt: starts a failure run unless one is running; returns the run's start. */
  noteFailure(id: string, now: number): Promise<number>;
}

/** What a use case appends to the outbox. */
export interface OutboxEventDraft {
  /** Preset id (test events answer with it); a UUIDv7 otherwise. */
  id?: string;
  /** The product whose endpoints receive it. Org-wide events (end users) set `orgId` instead. */
  productId?: string;
  orgId?: string;
  /** Only this endpoint receives it, whatever it subscribes to (test events). */
  endpointId?: string;
  type: WebhookEventType;
  /** The event's `data` (or a deferred form that fan-out renders, see webhooks/deferred-payloads.ts). */
  data: unknown;
}

/** An event taken from the outbox: `data` as recorded (possibly deferred). */
export interface OutboxEvent {
  id: string;
  productId: string | null;
  orgId: string | null;
  endpointId: string | null;
  type: string;
  data: unknown;
  createdAt: number;
}

/** An event as the log keeps it and deliveries send it. */
export interface LoggedEvent {
  id: string;
  productId: string | null;
  orgId: string | null;
  type: string;
  /** The final `data` as JSON text, put into the delivery body unchanged. */
  data: string;
  createdAt: number;
}

/**
 * The transactional outbox. Call `record*` on the transaction store `tx` of the change
 * that causes the event, so the event commits or rolls back with it. Events nobody is
 * subscribed to (no enabled endpoint of the product wants the type) may be dropped
 * here: the adapter checks once per product per transaction.
 */
export interface OutboxEventStore {
  record(productId: string, type: WebhookEventType, data: unknown, now: number): Promise<void>;
  /** For org-wide resources (end users): delivered to the endpoints of every product of the org. */
  recordForOrg(orgId: string, type: WebhookEventType, data: unknown, now: number): Promise<void>;
  /** Many events in one write (bulk operations: one event per license). */
  recordMany(drafts: OutboxEventDraft[], now: number): Promise<void>;
  /**
   * Removes the oldest batches of events (about `maxEvents`, at least one batch) from the
   * outbox and returns their events, each with its id. Removing them is the claim: of
   * concurrent callers exactly one gets each batch. Run it in the transaction that logs
   * them and inserts their deliveries, so a crash leaves them in the outbox.
   */
  takeForFanOut(maxEvents: number): Promise<OutboxEvent[]>;
  /** Writes fanned-out events to the event log (which the deliveries point to). */
  logEvents(events: LoggedEvent[]): Promise<void>;
  /** A read (no lock): is any event waiting to be fanned out? */
  hasBacklog(): Promise<boolean>;
  /** Deletes logged events older than `cutoff` that have no pending delivery (their deliveries and attempts go too). */
  pruneBefore(cutoff: number): Promise<number>;
}

export type DeliveryStatus = "pending" | "delivered" | "failed";

export interface NewWebhookDelivery {
  id: string;
  eventId: string;
  endpointId: string;
  nextAttemptAt: number;
  createdAt: number;
}

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  status: DeliveryStatus;
  /** Attempts made so far. */
  attempts: number;
  /** Attempts allowed before it is given up (6, or one more after each manual redelivery). */
  attemptLimit: number;
  nextAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** A delivery this worker holds the lease of, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  /** This attempt's number (1-based); claiming counted it. */
  attempt: number;
  attemptLimit: number;
  leaseToken: string;
  endpoint: { id: string; productId: string; url: string; secretSealed: string };
  event: { id: string; type: string; data: string; createdAt: number };
}

export interface DeliveryResult {
  status: DeliveryStatus;
  nextAttemptAt: number | null;
  statusCode: number | null;
  error: string | null;
  deliveredAt: number | null;
}

export interface WebhookDeliveryStore {
  /** One row per (event, endpoint); a pair that already has one is skipped. */
  insertMany(deliveries: NewWebhookDelivery[]): Promise<void>;
  /**
   * Leases up to `limit` pending deliveries that are due, whose lease (if any) has run
   * out and whose endpoint is enabled, counting the attempt: at most one per endpoint
   * per call (each endpoint's oldest, oldest first across endpoints), skipping
   * `skipEndpointIds`, so one slow receiver cannot take every slot. One guarded UPDATE:
   * of several processes on one database, exactly one gets each delivery attempt.
   */
  claimDue(limit: number, lease: { token: string; until: number }, now: number, skipEndpointIds?: string[]): Promise<ClaimedDelivery[]>;
  /** A read (no lock): would `claimDue` find anything now? Lets an idle worker poll without writing. */
  hasDue(now: number): Promise<boolean>;
  /** Pending deliveries of the whole deployment, due or waiting for a retry (the /metrics queue depth; one indexed count). */
  countPending(): Promise<number>;
  /** Writes an attempt's result if `leaseToken` still holds the delivery; false (nothing written) otherwise. */
  finish(id: string, leaseToken: string, result: DeliveryResult, now: number): Promise<boolean>;
  insertAttempts(attempts: WebhookAttemptRecord[]): Promise<void>;
  /** Deliveries to one endpoint of the product, newest first. */
  list(productId: string, endpointId: string, filter: { status?: DeliveryStatus }, page: { offset: number; limit: number }): Promise<{ items: WebhookDeliveryView[]; total: number }>;
  /** Attempts at one endpoint of the product, newest first, with their event. */
  listAttempts(
    productId: string,
    endpointId: string,
    filter: { deliveryId?: string },
    page: { offset: number; limit: number },
  ): Promise<{ items: (WebhookAttemptRecord & { eventId: string; eventType: string })[]; total: number }>;
  find(productId: string, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView | null>;
  /** A failed delivery of that endpoint back to pending with one more attempt, due now; false when it is not failed. */
  requeue(productId: string, endpointId: string, deliveryId: string, now: number): Promise<boolean>;
}
