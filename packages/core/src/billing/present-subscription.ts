import type { SubscriptionRecord } from "../records/billing.ts";
import { toIso, toIsoOrNull } from "../clock.ts";

/** A subscription as answers and webhook payloads show it. */
export function presentSubscription(s: SubscriptionRecord) {
  return {
    id: s.id,
    productId: s.productId,
    planId: s.planId,
    pendingPlanId: s.pendingPlanId,
    endUserId: s.endUserId,
    licenseId: s.licenseId,
    status: s.status,
    currentPeriodStart: toIso(s.currentPeriodStart),
    currentPeriodEnd: toIso(s.currentPeriodEnd),
    trialEndsAt: toIsoOrNull(s.trialEndsAt),
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    canceledAt: toIsoOrNull(s.canceledAt),
    endsAt: toIsoOrNull(s.dueAt),
    priceCents: s.priceCents,
    currency: s.currency,
    externalSubscriptionId: s.externalSubscriptionId,
    createdAt: toIso(s.createdAt),
    updatedAt: toIso(s.updatedAt),
  };
}
