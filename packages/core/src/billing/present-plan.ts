import type { PlanRecord } from "../records/billing.ts";
import { toIso, toIsoOrNull } from "../clock.ts";

/** A plan as answers and webhook payloads show it. */
export function presentPlan(plan: PlanRecord) {
  return {
    id: plan.id,
    productId: plan.productId,
    name: plan.name,
    interval: plan.interval,
    intervalCount: plan.intervalCount,
    priceCents: plan.priceCents,
    currency: plan.currency,
    trialDays: plan.trialDays,
    graceDays: plan.graceDays,
    licenseTemplate: plan.licenseTemplate,
    externalPriceId: plan.externalPriceId,
    archived: plan.archivedAt !== null,
    archivedAt: toIsoOrNull(plan.archivedAt),
    createdAt: toIso(plan.createdAt),
    updatedAt: toIso(plan.updatedAt),
  };
}
