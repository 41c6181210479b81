import type { GgContext } from "../context.ts";
import type { ActingContext, ChangeOrigin } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Store } from "../ports/store.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import type { PlanRecord, SubscriptionRecord } from "../records/billing.ts";
import type { LicenseView } from "../records/license.ts";
import type { ProductRecord } from "../records/product.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { assertTimestampInRange } from "../schemas/timestamp.ts";
import { assertProductCaller, type Caller } from "../products/caller-access.ts";
import { endUserOfOrg } from "../licenses/create-licenses.ts";
import { recordLicenseEvent, recordSubscriptionEvent } from "../webhooks/record-event.ts";
import { planOfProduct } from "./manage-plans.ts";
import { firstPeriod, withDeadline } from "./subscription-rules.ts";
import { adoptionPatch, licenseForSubscription } from "./subscription-license.ts";
import { WRITE_SUBSCRIPTIONS, subscriptionAudit } from "./billing-access.ts";

export interface CreateSubscriptionInput {
  planId: string;
  endUserId: string;
  licenseId?: string;
  startsAt?: string;
}

/** The product, or 404. */
export async function billedProduct(ctx: GgContext, productId: string): Promise<ProductRecord> {
  const product = await ctx.store.products.find(productId);
  if (product === null) throw new GgError("NOT_FOUND", "Product not found");
  return product;
}

/** A new subscription record on `plan` starting at `start` (not yet written). */
export function newSubscription(plan: PlanRecord, endUserId: string, start: number, now: number, external: { id: string; at: number } | null = null): SubscriptionRecord {
  return withDeadline(
    {
      id: uuidv7(now),
      productId: plan.productId,
      planId: plan.id,
      pendingPlanId: null,
      endUserId,
      licenseId: null,
      ...firstPeriod(plan, start),
      cancelAtPeriodEnd: false,
      canceledAt: null,
      licenseFrozenByBilling: false,
      priceCents: plan.priceCents,
      currency: plan.currency,
      externalSubscriptionId: external?.id ?? null,
      externalEventAt: external?.at ?? null,
      revision: 0,
      createdAt: now,
      updatedAt: now,
    },
    plan.graceDays,
  );
}

/** A license of the product the subscriber may take over: unowned or already theirs, not revoked, backing no live subscription. */
async function adoptableLicense(ctx: GgContext, productId: string, licenseId: string, endUserId: string): Promise<LicenseView> {
  const license = await ctx.store.licenses.findInProduct(productId, licenseId);
  if (license === null) throw new GgError("NOT_FOUND", "License not found in this product");
  if (license.endUserId !== null && license.endUserId !== endUserId) throw new GgError("CONFLICT", "The license belongs to another end user");
  if (license.status === "revoked") throw new GgError("CONFLICT", "The license is revoked");
  if ((await ctx.store.subscriptions.findLiveByLicense(productId, licenseId)) !== null) throw new GgError("CONFLICT", "The license already backs a subscription");
  return license;
}

/**
 * Writes a subscription with its license: a new one from the plan's template, or
 * `adopt` taken over, with its events and audit entry; call inside the transaction.
 */
export async function insertSubscription(
  tx: Store,
  s: SubscriptionRecord,
  plan: PlanRecord,
  owner: EndUserRecord,
  product: ProductRecord,
  adopt: LicenseView | null,
  origin: ChangeOrigin,
  now: number,
): Promise<SubscriptionRecord> {
  const ownerView = { id: owner.id, username: owner.username, email: owner.email };
  if (adopt === null) {
    const license = licenseForSubscription(s, plan, now);
    s = { ...s, licenseId: license.id };
    await tx.licenses.insertMany([license]);
    await recordLicenseEvent(tx, "license.created", { ...license, devices: [], owner: ownerView, productPolicy: product.policy }, now);
  } else {
    s = { ...s, licenseId: adopt.id };
    const patch = adoptionPatch(adopt, s, plan);
    await tx.licenses.update(adopt.id, patch, now);
    await recordLicenseEvent(tx, "license.updated", { ...adopt, ...patch, owner: ownerView, updatedAt: now }, now, { changes: Object.keys(patch) });
  }
  await tx.subscriptions.insert(s);
  await recordSubscriptionEvent(tx, "subscription.created", s, now);
  await recordAudit(tx, origin, subscriptionAudit("subscription.created", product.orgId, null, s), now);
  return s;
}

/** POST …/subscriptions: validates everything first (plan of this product and not archived, end user of its org, license), then writes once. */
export async function createSubscription(ctx: ActingContext, caller: Caller, productId: string, input: CreateSubscriptionInput): Promise<SubscriptionRecord> {
  await assertProductCaller(ctx, caller, productId, WRITE_SUBSCRIPTIONS);
  const product = await billedProduct(ctx, productId);
  const plan = await planOfProduct(ctx, productId, input.planId);
  if (plan.archivedAt !== null) throw new GgError("CONFLICT", "The plan is archived: it takes no new subscriptions");
  const owner = await endUserOfOrg(ctx, product.orgId, input.endUserId);
  const adopt = input.licenseId === undefined ? null : await adoptableLicense(ctx, productId, input.licenseId, owner.id);
  const now = ctx.clock.now();
  const start = input.startsAt === undefined ? now : assertTimestampInRange(Date.parse(input.startsAt), "/startsAt");
  const s = newSubscription(plan, owner.id, start, now);
  return ctx.store.transaction((tx) => insertSubscription(tx, s, plan, owner, product, adopt, ctx.origin, now));
}
