import type { GgContext } from "../context.ts";
import type { Store } from "../ports/store.ts";
import type { PlanRecord, SubscriptionRecord } from "../records/billing.ts";
import { GgError } from "../errors/gg-error.ts";
import { stripeSecretOf } from "./stripe-settings.ts";
import { invoiceFacts, subscriptionFacts, type StripeEvent } from "./stripe-event.ts";
import { canceled, paidThrough, pastDue, planSwitched, resumed } from "./subscription-rules.ts";
import { renewalEvents, writeTransition, type Transition } from "./subscription-actions.ts";
import { createFromInvoice } from "./stripe-first-seen.ts";
import { systemOrigin, type ChangeOrigin } from "../audit/actor.ts";

export interface StripeOutcome {
  received: true;
  eventId: string;
  /** false: recorded but nothing changed (`reason` says why). */
  applied: boolean;
  reason?: "duplicate" | "stale" | "unhandled_type" | "unknown_subscription" | "unknown_price" | "no_customer_email" | "no_change" | "not_applicable";
}

/**
 * POST /v1/billing/stripe/:productId/webhook. Verifies the signature over the raw body
 * with the product's secret (bad → 400, nothing written), then in ONE transaction
 * records the event id and applies its effect: a retry after a crash either finds the id
 * (applied before) or applies it now, never twice. An event older than the newest one
 * already applied to its subscription changes nothing (Stripe does not promise order).
 */
export async function ingestStripeEvent(ctx: GgContext, productId: string, rawBody: string, signature: string, requestId: string): Promise<StripeOutcome> {
  if (ctx.stripe === undefined) throw new GgError("INTERNAL_ERROR", "Stripe verification is not configured on this server");
  const product = await ctx.store.products.find(productId);
  if (product === null) throw new GgError("NOT_FOUND", "Product not found");
  const secret = await stripeSecretOf(ctx, productId);
  const now = ctx.clock.now();
  const event = await ctx.stripe.verify(rawBody, signature, secret, now);
  const outcome = (applied: boolean, reason?: StripeOutcome["reason"]): StripeOutcome => ({ received: true, eventId: event.id, applied, ...(reason ? { reason } : {}) });
  // The audit log names Stripe (and the event) as the origin of what the event changes.
  const origin = systemOrigin("stripe", requestId, `Stripe ${event.id}`);
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.billing.recordStripeEvent(productId, event.id, event.type, now))) return outcome(false, "duplicate");
    const reason = await applyEvent(tx, origin, product.orgId, productId, event, now);
    return reason === null ? outcome(true) : outcome(false, reason);
  });
}

type Reason = NonNullable<StripeOutcome["reason"]>;

async function applyEvent(tx: Store, origin: ChangeOrigin, orgId: string, productId: string, event: StripeEvent, now: number): Promise<Reason | null> {
  const createdMs = event.created * 1000;
  const facts = event.type.startsWith("invoice.") ? invoiceFacts(event.data.object) : subscriptionFacts(event.data.object);
  if (!["invoice.paid", "invoice.payment_failed", "customer.subscription.deleted", "customer.subscription.updated"].includes(event.type)) return "unhandled_type";
  if (facts.subscriptionId === null) return "unknown_subscription";
  const s = await tx.subscriptions.findByExternalId(productId, facts.subscriptionId);
  if (s === null) {
    if (event.type !== "invoice.paid") return "unknown_subscription";
    return createFromInvoice(tx, orgId, productId, facts.subscriptionId, invoiceFacts(event.data.object), createdMs, origin, now);
  }
  if (s.externalEventAt !== null && createdMs < s.externalEventAt) return "stale";
  const current = await tx.plans.find(productId, s.planId);
  if (current === null) return "not_applicable";
  const priced = facts.priceId === null ? null : await tx.plans.findByExternalPrice(productId, facts.priceId);
  let t: Transition | null;
  try {
    t = decide(event, s, current, priced, now);
  } catch (error) {
    if (error instanceof GgError && error.code === "CONFLICT") return "not_applicable";
    throw error;
  }
  if (t === null) return "no_change";
  t = { ...t, next: { ...t.next, externalEventAt: createdMs } };
  await writeTransition(tx, s, t, origin, orgId, now);
  return null;
}

function decide(event: StripeEvent, s: SubscriptionRecord, current: PlanRecord, priced: PlanRecord | null, now: number): Transition | null {
  switch (event.type) {
    case "invoice.paid": {
      const facts = invoiceFacts(event.data.object);
      if (facts.period === null) throw new GgError("CONFLICT", "The invoice names no period");
      const terms = priced ?? current;
      const next = paidThrough(s, terms, facts.period, now);
      return { next, plan: terms, events: renewalEvents(s, next, 1) };
    }
    case "invoice.payment_failed": {
      const next = pastDue(s, current, now);
      return next === null ? null : { next, plan: current, events: [{ type: "subscription.past_due" }] };
    }
    case "customer.subscription.deleted": {
      const next = canceled(s, current, false, now);
      return next === null ? null : { next, plan: current, events: [{ type: "subscription.canceled", extra: { atPeriodEnd: false } }] };
    }
    default:
      return subscriptionUpdated(event, s, current, priced, now);
  }
}

/** customer.subscription.updated: the plan by price id (at once: Stripe prorates), and a cancellation at period end set or undone. */
function subscriptionUpdated(event: StripeEvent, s: SubscriptionRecord, current: PlanRecord, priced: PlanRecord | null, now: number): Transition | null {
  const facts = subscriptionFacts(event.data.object);
  let next: SubscriptionRecord = s;
  let plan = current;
  const events: Transition["events"] = [];
  if (priced !== null && priced.id !== s.planId && s.status !== "expired") {
    next = planSwitched(next, priced, now);
    plan = priced;
    events.push({ type: "subscription.plan_changed", extra: { previousPlanId: s.planId } });
  }
  if (facts.cancelAtPeriodEnd === true && next.status !== "canceled" && next.status !== "expired") {
    next = canceled(next, plan, true, now)!;
    events.push({ type: "subscription.canceled", extra: { atPeriodEnd: true } });
  } else if (facts.cancelAtPeriodEnd === false && next.status === "canceled" && next.cancelAtPeriodEnd) {
    next = resumed(next, plan, now);
    events.push({ type: "subscription.resumed" });
  }
  return events.length === 0 ? null : { next: { ...next, revision: s.revision + 1 }, plan, events };
}
