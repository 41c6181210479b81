import type { Store } from "../ports/store.ts";
import type { LicensePatch } from "../ports/licenses.ts";
import type { LicenseRecord } from "../records/license.ts";
import type { LicenseTemplate, PlanRecord, SubscriptionRecord } from "../records/billing.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { newLicenseKey } from "../licenses/license-key.ts";
import { DEFAULT_CHANNELS } from "../versions/channels.ts";

/** The template's fields that are set (a template never removes an override). */
function templateOverrides(template: LicenseTemplate): LicenseTemplate {
  return Object.fromEntries(Object.entries(template).filter(([, value]) => value !== undefined));
}

/** A new license for a subscription: the plan's template, owned by the subscriber, expiring with the subscription. */
export function licenseForSubscription(s: SubscriptionRecord, plan: PlanRecord, now: number): LicenseRecord {
  return {
    id: uuidv7(now),
    productId: s.productId,
    key: newLicenseKey(),
    status: "active",
    frozen: false,
    frozenAt: null,
    expiresAt: s.dueAt,
    durationDays: null,
    policyOverrides: templateOverrides(plan.licenseTemplate),
    hwids: [],
    ips: [],
    note: null,
    metadata: { subscriptionId: s.id },
    endUserId: s.endUserId,
    redeemedAt: null,
    lastAuthorizedAt: null,
    channels: [...DEFAULT_CHANNELS],
    updatesUntil: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** What an adopted license becomes: the subscriber's, with the template over its overrides, expiring with the subscription. */
export function adoptionPatch(license: Pick<LicenseRecord, "policyOverrides">, s: SubscriptionRecord, plan: PlanRecord): LicensePatch {
  return {
    endUserId: s.endUserId,
    expiresAt: s.dueAt,
    durationDays: null,
    policyOverrides: { ...license.policyOverrides, ...templateOverrides(plan.licenseTemplate) },
  };
}

/**
 * Keeps the license in step after a change: its expiry is the subscription's deadline;
 * a renewal thaws a license the clock froze for non-payment; a plan switch applies the
 * new plan's template. Nothing to do once the subscription expired (the clock handled it).
 */
export async function followSubscription(tx: Store, before: SubscriptionRecord, after: SubscriptionRecord, plan: PlanRecord, now: number): Promise<void> {
  if (after.licenseId === null || after.dueAt === null) return;
  const license = await tx.licenses.findInProduct(after.productId, after.licenseId);
  if (license === null) return;
  const patch: LicensePatch = { expiresAt: after.dueAt };
  if (before.licenseFrozenByBilling && !after.licenseFrozenByBilling && license.frozen) Object.assign(patch, { frozen: false, frozenAt: null });
  if (before.planId !== after.planId) patch.policyOverrides = { ...license.policyOverrides, ...templateOverrides(plan.licenseTemplate) };
  await tx.licenses.update(license.id, patch, now);
}
