import type { LicensePolicyOverrides } from "./license.ts";

export type PlanInterval = "day" | "week" | "month" | "year";

/** What a subscription's license is created with: a subset of the product policy. */
export type LicenseTemplate = Pick<LicensePolicyOverrides, "maxHwids" | "maxIps" | "maxSessions" | "hwidBinding" | "ipBinding">;

/** A product's plan as stored. Times are epoch milliseconds. */
export interface PlanRecord {
  id: string;
  productId: string;
  name: string;
  interval: PlanInterval;
  intervalCount: number;
  priceCents: number;
  currency: string;
  trialDays: number;
  graceDays: number;
  licenseTemplate: LicenseTemplate;
  externalPriceId: string | null;
  archivedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export type SubscriptionStatus = "trialing" | "active" | "past_due" | "canceled" | "expired";

/** What the clock does when a subscription's time is up: freeze the license (unpaid) or let it expire (canceled). */
export type LapseAction = "freeze" | "expire";

/** A subscription as stored. Times are epoch milliseconds. */
export interface SubscriptionRecord {
  id: string;
  productId: string;
  planId: string;
  /** The plan a PATCH asked for; it replaces planId at the next renewal. */
  pendingPlanId: string | null;
  endUserId: string;
  licenseId: string | null;
  status: SubscriptionStatus;
  /** Periods are counted from here (calendar-correct months: see billing/periods.ts). */
  anchorAt: number;
  /** Index of the current period from the anchor; -1 during the trial. */
  periodIndex: number;
  currentPeriodStart: number;
  currentPeriodEnd: number;
  trialEndsAt: number | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: number | null;
  /** When the clock moves it to expired (null once expired); always the license's expiresAt before that. */
  dueAt: number | null;
  dueAction: LapseAction | null;
  /** The clock froze the license for non-payment; a renewal unfreezes it. */
  licenseFrozenByBilling: boolean;
  /** Price and currency as sold: changing the plan's price affects new subscriptions only. */
  priceCents: number;
  currency: string;
  externalSubscriptionId: string | null;
  /** Creation time of the newest Stripe event applied (older ones are ignored). */
  externalEventAt: number | null;
  /** Bumped by every write; guarded writes name the revision they read. */
  revision: number;
  createdAt: number;
  updatedAt: number;
}
