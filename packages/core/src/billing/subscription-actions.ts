import type { GgContext } from "../context.ts";
import type { ActingContext, ChangeOrigin } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Store } from "../ports/store.ts";
import type { SubscriptionFilter } from "../ports/billing.ts";
import type { PlanRecord, SubscriptionRecord } from "../records/billing.ts";
import type { WebhookEventType } from "../webhooks/event-catalogue.ts";
import { GgError } from "../errors/gg-error.ts";
import { offsetOf, pageRequest, paginationOf, type Pagination } from "../pagination/pagination.ts";
import { assertProductCaller, type Caller } from "../products/caller-access.ts";
import { recordSubscriptionEvent } from "../webhooks/record-event.ts";
import { planOfProduct } from "./manage-plans.ts";
import { canceled, pastDue, planScheduled, renewed, resumed } from "./subscription-rules.ts";
import { followSubscription } from "./subscription-license.ts";
import { READ_SUBSCRIPTIONS, WRITE_SUBSCRIPTIONS, subscriptionAudit } from "./billing-access.ts";
import { billedProduct } from "./create-subscription.ts";

type SubscriptionEvent = Extract<WebhookEventType, `subscription.${string}`>;

export async function subscriptionOfProduct(ctx: GgContext | { store: Store }, productId: string, id: string): Promise<SubscriptionRecord> {
  const s = await ctx.store.subscriptions.find(productId, id);
  if (s === null) throw new GgError("NOT_FOUND", "Subscription not found in this product");
  return s;
}

export async function getSubscription(ctx: GgContext, caller: Caller, productId: string, id: string): Promise<SubscriptionRecord> {
  await assertProductCaller(ctx, caller, productId, READ_SUBSCRIPTIONS);
  return subscriptionOfProduct(ctx, productId, id);
}

export async function listSubscriptions(
  ctx: GgContext,
  caller: Caller,
  productId: string,
  query: SubscriptionFilter & { page?: number; pageSize?: number },
): Promise<{ items: SubscriptionRecord[]; pagination: Pagination }> {
  await assertProductCaller(ctx, caller, productId, READ_SUBSCRIPTIONS);
  const request = pageRequest(query);
  const filter: SubscriptionFilter = {};
  if (query.status !== undefined) filter.status = query.status;
  if (query.planId !== undefined) filter.planId = query.planId;
  if (query.endUserId !== undefined) filter.endUserId = query.endUserId;
  const { items, total } = await ctx.store.subscriptions.list(productId, filter, { offset: offsetOf(request), limit: request.pageSize });
  return { items, pagination: paginationOf(request, total) };
}

/** A computed change and the events that announce it. */
export interface Transition {
  next: SubscriptionRecord;
  /** The plan the subscription is on after the change. */
  plan: PlanRecord;
  events: { type: SubscriptionEvent; extra?: Record<string, unknown> }[];
}

/**
 * Writes a transition computed from `before`: the guarded replace (another writer got
 * there first → 409, nothing written), the license in step, the events and the audit
 * entry (named after the first event); all in `tx`.
 */
export async function writeTransition(tx: Store, before: SubscriptionRecord, t: Transition, origin: ChangeOrigin, orgId: string, now: number): Promise<void> {
  if (!(await tx.subscriptions.replace(t.next, before.revision))) {
    throw new GgError("CONFLICT", "The subscription changed while this request ran: read it again and retry");
  }
  await followSubscription(tx, before, t.next, t.plan, now);
  for (const event of t.events) await recordSubscriptionEvent(tx, event.type, t.next, now, event.extra);
  await recordAudit(tx, origin, subscriptionAudit(t.events[0]?.type ?? "subscription.updated", orgId, before, t.next), now);
}

/** Loads, decides with `decide` (null: nothing to change), writes. Answers the subscription as it is afterwards. */
async function act(
  ctx: ActingContext,
  caller: Caller,
  productId: string,
  id: string,
  decide: (s: SubscriptionRecord, plan: PlanRecord, now: number) => Promise<Transition | null>,
): Promise<SubscriptionRecord> {
  await assertProductCaller(ctx, caller, productId, WRITE_SUBSCRIPTIONS);
  const before = await subscriptionOfProduct(ctx, productId, id);
  const plan = await planOfProduct(ctx, productId, before.planId);
  const { orgId } = await billedProduct(ctx, productId);
  const now = ctx.clock.now();
  const t = await decide(before, plan, now);
  if (t === null) return before;
  await ctx.store.transaction((tx) => writeTransition(tx, before, t, ctx.origin, orgId, now));
  return t.next;
}

/** The renewal's events: renewed, and plan_changed when a pending plan took effect. */
export function renewalEvents(before: SubscriptionRecord, next: SubscriptionRecord, periods: number): Transition["events"] {
  const events: Transition["events"] = [{ type: "subscription.renewed", extra: { periods } }];
  if (before.planId !== next.planId) events.push({ type: "subscription.plan_changed", extra: { previousPlanId: before.planId } });
  return events;
}

/** A payment arrived for `periods` periods (default 1). */
export function renewSubscription(ctx: ActingContext, caller: Caller, productId: string, id: string, periods = 1) {
  return act(ctx, caller, productId, id, async (s, plan, now) => {
    const terms = s.pendingPlanId === null ? plan : await planOfProduct(ctx, productId, s.pendingPlanId);
    const next = renewed(s, terms, periods, now);
    return { next, plan: terms, events: renewalEvents(s, next, periods) };
  });
}

export function markPaymentFailed(ctx: ActingContext, caller: Caller, productId: string, id: string) {
  return act(ctx, caller, productId, id, async (s, plan, now) => {
    const next = pastDue(s, plan, now);
    return next === null ? null : { next, plan, events: [{ type: "subscription.past_due" }] };
  });
}

export function cancelSubscription(ctx: ActingContext, caller: Caller, productId: string, id: string, atPeriodEnd = true) {
  return act(ctx, caller, productId, id, async (s, plan, now) => {
    const next = canceled(s, plan, atPeriodEnd, now);
    return next === null ? null : { next, plan, events: [{ type: "subscription.canceled", extra: { atPeriodEnd } }] };
  });
}

export function resumeSubscription(ctx: ActingContext, caller: Caller, productId: string, id: string) {
  return act(ctx, caller, productId, id, async (s, plan, now) => ({ next: resumed(s, plan, now), plan, events: [{ type: "subscription.resumed" }] }));
}

/** PATCH {planId}: another plan of the same product, not archived; it takes effect at the next renewal. */
export function changeSubscriptionPlan(ctx: ActingContext, caller: Caller, productId: string, id: string, planId: string) {
  return act(ctx, caller, productId, id, async (s, plan, now) => {
    const target = await planOfProduct(ctx, productId, planId);
    if (target.id !== s.planId && target.archivedAt !== null) throw new GgError("CONFLICT", "The plan is archived: it takes no new subscriptions");
    if ((target.id === s.planId ? null : target.id) === s.pendingPlanId) return null;
    return { next: planScheduled(s, plan, target.id, now), plan, events: [] };
  });
}
