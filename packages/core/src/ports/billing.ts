import type { PlanRecord, SubscriptionRecord, SubscriptionStatus } from "../records/billing.ts";

export type PlanPatch = Partial<Pick<PlanRecord, "name" | "priceCents" | "currency" | "licenseTemplate" | "externalPriceId" | "archivedAt">>;

export interface PlanStore {
  /** Throws GgError CONFLICT when the product already sells another plan as `externalPriceId`. */
  insert(plan: PlanRecord): Promise<void>;
  /** A plan of the product (the product filter is the tenancy check). */
  find(productId: string, planId: string): Promise<PlanRecord | null>;
  findByExternalPrice(productId: string, externalPriceId: string): Promise<PlanRecord | null>;
  /** Newest first; `archived` filters when given. */
  list(productId: string, filter: { archived?: boolean }, page: { offset: number; limit: number }): Promise<{ items: PlanRecord[]; total: number }>;
  /** CONFLICT as insert for a taken externalPriceId. */
  update(productId: string, planId: string, patch: PlanPatch, now: number): Promise<void>;
}

export interface SubscriptionFilter {
  status?: SubscriptionStatus;
  planId?: string;
  endUserId?: string;
}

export interface SubscriptionStore {
  /** CONFLICT when the product already links another subscription to the same externalSubscriptionId. */
  insert(subscription: SubscriptionRecord): Promise<void>;
  find(productId: string, id: string): Promise<SubscriptionRecord | null>;
  findByExternalId(productId: string, externalSubscriptionId: string): Promise<SubscriptionRecord | null>;
  /** A subscription of the product, not expired, that holds this license (a license backs one live subscription). */
  findLiveByLicense(productId: string, licenseId: string): Promise<SubscriptionRecord | null>;
  list(productId: string, filter: SubscriptionFilter, page: { offset: number; limit: number }): Promise<{ items: SubscriptionRecord[]; total: number }>;
  /**
   * Writes `next` (every field but id, productId, createdAt) only if the stored row is
   * still at `expectedRevision`; `next.revision` must be expectedRevision + 1. One guarded
   * UPDATE: of two writers that read the same row, exactly one wins (false for the other).
   */
  replace(next: SubscriptionRecord, expectedRevision: number): Promise<boolean>;
  /**
   * The clock's claim: moves up to `limit` subscriptions whose dueAt is at or before `now`
   * to expired with one guarded UPDATE … RETURNING (dueAt cleared, revision bumped) and
   * applies the lapse to their licenses in the same transaction: dueAction "freeze" freezes
   * the license (licenseFrozenByBilling tells whether this claim froze it), "expire" ends it
   * at `now` at the latest. Returns the rows as claimed. A row is claimed by exactly one
   * caller across processes: a second UPDATE no longer matches it.
   */
  claimDue(now: number, limit: number): Promise<SubscriptionRecord[]>;
  /** Whether any subscription is due at `now` (an idle clock only reads). */
  hasDue(now: number): Promise<boolean>;
}

/** Per-product Stripe settings and the ledger of Stripe events already applied. */
export interface BillingStore {
  /** Stores (or replaces) the product's sealed webhook signing secret. */
  setStripeSecret(productId: string, sealedSecret: string, now: number): Promise<void>;
  stripeSecret(productId: string): Promise<string | null>;
  /**
   * Records that the event was applied; false when it already was. Call first inside the
   * transaction that applies the event: the record and the effect commit together, and of
   * two concurrent deliveries one fails here (its transaction rolls back).
   */
  recordStripeEvent(productId: string, eventId: string, type: string, now: number): Promise<boolean>;
}
