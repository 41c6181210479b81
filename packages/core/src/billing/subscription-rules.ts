import type { PlanRecord, SubscriptionRecord } from "../records/billing.ts";
import { GgError } from "../errors/gg-error.ts";
import { DAY_MS } from "../licenses/time-rules.ts";
import { periodBounds } from "./periods.ts";

/**
 * The subscription lifecycle as pure functions of (subscription, plan, now): each returns
 * the next record (or null: nothing changes) and the use cases write it with one guarded
 * UPDATE. docs/subscriptions.md draws the states.
 */

type Terms = Pick<PlanRecord, "id" | "interval" | "intervalCount" | "graceDays" | "trialDays" | "priceCents" | "currency">;
type Timing = Omit<SubscriptionRecord, "dueAt" | "dueAction">;

/**
 * When the clock acts and what it does: an unpaid subscription (trialing, active, past_due)
 * lapses `graceDays` after its period and freezes its license; a canceled one ends at the
 * period's end (or at once) and lets the license expire. This instant is also the
 * license's expiresAt, so authorize needs no knowledge of subscriptions.
 */
export function withDeadline(s: Timing, graceDays: number): SubscriptionRecord {
  if (s.status === "expired") return { ...s, dueAt: null, dueAction: null };
  if (s.status === "canceled") return { ...s, dueAt: s.cancelAtPeriodEnd ? s.currentPeriodEnd : (s.canceledAt ?? s.currentPeriodEnd), dueAction: "expire" };
  return { ...s, dueAt: s.currentPeriodEnd + graceDays * DAY_MS, dueAction: "freeze" };
}

/** A new subscription's timing: a trial first when the plan has one, else the first paid period. */
export function firstPeriod(plan: Terms, start: number) {
  if (plan.trialDays > 0) {
    const trialEnd = start + plan.trialDays * DAY_MS;
    return { status: "trialing" as const, anchorAt: trialEnd, periodIndex: -1, currentPeriodStart: start, currentPeriodEnd: trialEnd, trialEndsAt: trialEnd };
  }
  const { end } = periodBounds(start, plan, 0);
  return { status: "active" as const, anchorAt: start, periodIndex: 0, currentPeriodStart: start, currentPeriodEnd: end, trialEndsAt: null };
}

function next(s: SubscriptionRecord, change: Partial<Timing>, graceDays: number, now: number): SubscriptionRecord {
  return withDeadline({ ...s, ...change, revision: s.revision + 1, updatedAt: now }, graceDays);
}

/**
 * A payment for `periods` periods arrived. Counts on from the anchor; a pending plan
 * change takes effect here (its periods count from the old period's end), and a
 * subscription that lapsed for non-payment restarts from now. Clears any cancellation.
 * `terms` is the plan the new periods are sold under (the pending plan, when there is one).
 */
export function renewed(s: SubscriptionRecord, terms: Terms, periods: number, now: number): SubscriptionRecord {
  if (s.status === "canceled") throw new GgError("CONFLICT", "This subscription is canceled: resume it before renewing it");
  if (s.status === "expired" && !s.licenseFrozenByBilling) throw new GgError("CONFLICT", "This subscription ended after a cancellation: start a new one");
  const restart = s.status === "expired" ? Math.max(now, s.currentPeriodEnd) : null;
  const planChanges = terms.id !== s.planId;
  const anchorAt = restart ?? (planChanges ? s.currentPeriodEnd : s.anchorAt);
  const periodIndex = restart !== null || planChanges ? periods - 1 : s.periodIndex + periods;
  const { start, end } = periodBounds(anchorAt, terms, periodIndex);
  return next(
    s,
    {
      status: "active",
      planId: terms.id,
      pendingPlanId: null,
      anchorAt,
      periodIndex,
      currentPeriodStart: start,
      currentPeriodEnd: end,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      licenseFrozenByBilling: false,
      ...(planChanges ? { priceCents: terms.priceCents, currency: terms.currency } : {}),
    },
    terms.graceDays,
    now,
  );
}

/** A payment that covers exactly [start, end) (Stripe's invoice period); revives a canceled or lapsed subscription. */
export function paidThrough(s: SubscriptionRecord, terms: Terms, period: { start: number; end: number }, now: number): SubscriptionRecord {
  if (s.status === "expired" && !s.licenseFrozenByBilling) throw new GgError("CONFLICT", "This subscription ended after a cancellation: start a new one");
  const planChanges = terms.id !== s.planId;
  return next(
    s,
    {
      status: "active",
      planId: terms.id,
      pendingPlanId: null,
      anchorAt: period.start,
      periodIndex: 0,
      currentPeriodStart: period.start,
      currentPeriodEnd: period.end,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      licenseFrozenByBilling: false,
      ...(planChanges ? { priceCents: terms.priceCents, currency: terms.currency } : {}),
    },
    terms.graceDays,
    now,
  );
}

/** A payment failed: past_due, the license runs on through the grace days. Already past_due: no change. */
export function pastDue(s: SubscriptionRecord, terms: Terms, now: number): SubscriptionRecord | null {
  if (s.status === "past_due") return null;
  if (s.status === "canceled" || s.status === "expired") throw new GgError("CONFLICT", `A ${s.status} subscription cannot become past_due`);
  return next(s, { status: "past_due" }, terms.graceDays, now);
}

/**
 * Cancel at the period's end (access runs to currentPeriodEnd, no grace) or now (access
 * ends now). Canceling a cancellation at period end "now" brings it forward; the reverse,
 * or the same again, changes nothing (null).
 */
export function canceled(s: SubscriptionRecord, terms: Terms, atPeriodEnd: boolean, now: number): SubscriptionRecord | null {
  if (s.status === "expired") throw new GgError("CONFLICT", "This subscription has expired");
  if (s.status === "canceled" && (atPeriodEnd || !s.cancelAtPeriodEnd)) return null;
  return next(s, { status: "canceled", cancelAtPeriodEnd: atPeriodEnd, canceledAt: now }, terms.graceDays, now);
}

/** Undo a cancellation while its time is not up: back to the trial or active. */
export function resumed(s: SubscriptionRecord, terms: Terms, now: number): SubscriptionRecord {
  if (s.status !== "canceled") throw new GgError("CONFLICT", "Only a canceled subscription can be resumed");
  if (s.dueAt !== null && s.dueAt <= now) throw new GgError("CONFLICT", "This subscription's time is up: start a new one");
  return next(s, { status: s.periodIndex < 0 ? "trialing" : "active", cancelAtPeriodEnd: false, canceledAt: null }, terms.graceDays, now);
}

/** The plan the next renewal switches to (the current plan again: no switch pending). */
export function planScheduled(s: SubscriptionRecord, terms: Terms, planId: string, now: number): SubscriptionRecord {
  if (s.status === "expired") throw new GgError("CONFLICT", "This subscription has expired");
  return next(s, { pendingPlanId: planId === s.planId ? null : planId }, terms.graceDays, now);
}

/** A plan switched at once (Stripe already prorated it): the periods stay, price and terms follow the plan. */
export function planSwitched(s: SubscriptionRecord, terms: Terms, now: number): SubscriptionRecord {
  return next(s, { planId: terms.id, pendingPlanId: null, priceCents: terms.priceCents, currency: terms.currency }, terms.graceDays, now);
}
