import type { ProductNeed } from "../products/caller-access.ts";
import type { SubscriptionRecord } from "../records/billing.ts";
import { changedFields, createdFields } from "../audit/changed-fields.ts";

/** What the audit log names of a subscription change (times as stored, epoch ms). */
const AUDITED: (keyof SubscriptionRecord & string)[] = ["status", "planId", "pendingPlanId", "licenseId", "currentPeriodStart", "currentPeriodEnd", "cancelAtPeriodEnd", "canceledAt", "dueAt"];

export function subscriptionAudit(action: string, orgId: string, before: SubscriptionRecord | null, after: SubscriptionRecord) {
  return {
    action,
    resource: { type: "subscription", id: after.id },
    orgId,
    productId: after.productId,
    changes: before === null ? createdFields(after, ["endUserId", ...AUDITED]) : changedFields(before, after, AUDITED),
  };
}

/** Plans: viewers and subscription:read keys read; admins and subscription:write keys change. */
export const READ_PLANS: ProductNeed = { action: "read", scope: "subscription:read" };
export const WRITE_PLANS: ProductNeed = { action: "managePlans", scope: "subscription:write" };
/** Subscriptions: members change them, as they change licenses. */
export const READ_SUBSCRIPTIONS: ProductNeed = { action: "read", scope: "subscription:read" };
export const WRITE_SUBSCRIPTIONS: ProductNeed = { action: "manageSubscriptions", scope: "subscription:write" };
