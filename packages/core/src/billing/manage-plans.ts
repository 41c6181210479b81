import type { GgContext } from "../context.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { changedFields, createdFields } from "../audit/changed-fields.ts";
import type { PlanRecord } from "../records/billing.ts";
import type { PlanPatch } from "../ports/billing.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { offsetOf, pageRequest, paginationOf, type Pagination } from "../pagination/pagination.ts";
import { assertProductCaller, type Caller } from "../products/caller-access.ts";
import { isCurrency } from "./currencies.ts";
import { READ_PLANS, WRITE_PLANS } from "./billing-access.ts";
import type { CreatePlanInput, PatchPlanInput } from "./plan-schemas.ts";

/** The upper-cased ISO 4217 code, or a 400 naming the field. */
function currencyOf(code: string): string {
  const upper = code.toUpperCase();
  if (!isCurrency(upper)) {
    throw new GgError("VALIDATION_ERROR", `Unknown currency '${code}': use an ISO 4217 code such as USD or EUR`, {
      details: [{ path: "/currency", message: "Not an ISO 4217 currency in circulation" }],
    });
  }
  return upper;
}

const PLAN_FIELDS = ["name", "interval", "intervalCount", "priceCents", "currency", "trialDays", "graceDays", "licenseTemplate", "externalPriceId", "archivedAt"] as const;

/** The product's org, for the audit entry (the caller check already found the product). */
async function orgOf(ctx: GgContext, productId: string): Promise<string> {
  const product = await ctx.store.products.find(productId);
  if (product === null) throw new GgError("NOT_FOUND", "Product not found");
  return product.orgId;
}

const planAudit = (action: string, orgId: string, plan: PlanRecord, changes: Record<string, [unknown, unknown]> | null) => ({
  action,
  resource: { type: "plan", id: plan.id },
  orgId,
  productId: plan.productId,
  changes,
});

export async function createPlan(ctx: ActingContext, caller: Caller, productId: string, input: CreatePlanInput): Promise<PlanRecord> {
  await assertProductCaller(ctx, caller, productId, WRITE_PLANS);
  const orgId = await orgOf(ctx, productId);
  const currency = currencyOf(input.currency);
  const now = ctx.clock.now();
  const plan: PlanRecord = {
    id: uuidv7(now),
    productId,
    name: input.name.trim(),
    interval: input.interval,
    intervalCount: input.intervalCount ?? 1,
    priceCents: input.priceCents,
    currency,
    trialDays: input.trialDays ?? 0,
    graceDays: input.graceDays ?? 3,
    licenseTemplate: input.licenseTemplate ?? {},
    externalPriceId: input.externalPriceId ?? null,
    archivedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.plans.insert(plan);
    await recordAudit(tx, ctx.origin, planAudit("plan.created", orgId, plan, createdFields(plan, PLAN_FIELDS)), now);
  });
  return plan;
}

/** A plan of the product, or 404 (a plan of another product is not found here). */
export async function planOfProduct(ctx: GgContext, productId: string, planId: string): Promise<PlanRecord> {
  const plan = await ctx.store.plans.find(productId, planId);
  if (plan === null) throw new GgError("NOT_FOUND", "Plan not found in this product");
  return plan;
}

export async function getPlan(ctx: GgContext, caller: Caller, productId: string, planId: string): Promise<PlanRecord> {
  await assertProductCaller(ctx, caller, productId, READ_PLANS);
  return planOfProduct(ctx, productId, planId);
}

export async function listPlans(
  ctx: GgContext,
  caller: Caller,
  productId: string,
  query: { page?: number; pageSize?: number; archived?: "true" | "false" },
): Promise<{ items: PlanRecord[]; pagination: Pagination }> {
  await assertProductCaller(ctx, caller, productId, READ_PLANS);
  const request = pageRequest(query);
  const filter = query.archived === undefined ? {} : { archived: query.archived === "true" };
  const { items, total } = await ctx.store.plans.list(productId, filter, { offset: offsetOf(request), limit: request.pageSize });
  return { items, pagination: paginationOf(request, total) };
}

/** Name, price and template; a new price applies to subscriptions created from now on (each keeps the price it was sold at). */
export async function patchPlan(ctx: ActingContext, caller: Caller, productId: string, planId: string, input: PatchPlanInput): Promise<PlanRecord> {
  await assertProductCaller(ctx, caller, productId, WRITE_PLANS);
  const plan = await planOfProduct(ctx, productId, planId);
  const patch: PlanPatch = {};
  if (input.name !== undefined) patch.name = input.name.trim();
  if (input.priceCents !== undefined) patch.priceCents = input.priceCents;
  if (input.currency !== undefined) patch.currency = currencyOf(input.currency);
  if (input.licenseTemplate !== undefined) patch.licenseTemplate = input.licenseTemplate;
  if (input.externalPriceId !== undefined) patch.externalPriceId = input.externalPriceId;
  const now = ctx.clock.now();
  const after = { ...plan, ...patch, updatedAt: now };
  const orgId = await orgOf(ctx, productId);
  await ctx.store.transaction(async (tx) => {
    await tx.plans.update(productId, planId, patch, now);
    await recordAudit(tx, ctx.origin, planAudit("plan.updated", orgId, after, changedFields(plan, after, PLAN_FIELDS)), now);
  });
  return after;
}

/** No new subscriptions on it; existing ones run on (and renew) under it. Archiving twice changes nothing. */
export async function archivePlan(ctx: ActingContext, caller: Caller, productId: string, planId: string): Promise<PlanRecord> {
  await assertProductCaller(ctx, caller, productId, WRITE_PLANS);
  const plan = await planOfProduct(ctx, productId, planId);
  if (plan.archivedAt !== null) return plan;
  const now = ctx.clock.now();
  const orgId = await orgOf(ctx, productId);
  await ctx.store.transaction(async (tx) => {
    await tx.plans.update(productId, planId, { archivedAt: now }, now);
    await recordAudit(tx, ctx.origin, planAudit("plan.archived", orgId, plan, { archivedAt: [null, now] }), now);
  });
  return { ...plan, archivedAt: now, updatedAt: now };
}
