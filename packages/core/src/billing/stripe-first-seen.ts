import type { Store } from "../ports/store.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { randomToken } from "../crypto/random.ts";
import { recordEndUserCreated } from "../webhooks/record-event.ts";
import { newSubscription, insertSubscription } from "./create-subscription.ts";
import { withDeadline } from "./subscription-rules.ts";
import type { InvoiceFacts } from "./stripe-event.ts";
import type { ChangeOrigin } from "../audit/actor.ts";

/** The org's end user with this email, or a new one named after it (a suffix when the name is taken). */
async function endUserByEmail(tx: Store, orgId: string, email: string, now: number): Promise<EndUserRecord> {
  const found = await tx.endUsers.list({ kind: "org", orgId }, { email }, { offset: 0, limit: 1 });
  if (found.items[0] !== undefined) return found.items[0];
  const taken = await tx.endUsers.list({ kind: "org", orgId }, { username: email }, { offset: 0, limit: 1 });
  const username = taken.total === 0 ? email : `${email}-${randomToken(4)}`;
  const endUser: EndUserRecord = { id: uuidv7(now), orgId, username, email, createdAt: now, updatedAt: now };
  await tx.endUsers.insert(endUser);
  await recordEndUserCreated(tx, endUser, now);
  return endUser;
}

/**
 * invoice.paid for a Stripe subscription GeckoGuard has not seen: with a price some plan
 * of the product is sold as and a customer email, it creates (or finds) the end user, a
 * license from the plan's template and the subscription, paid through the invoice's period.
 */
export async function createFromInvoice(
  tx: Store,
  orgId: string,
  productId: string,
  externalId: string,
  facts: InvoiceFacts,
  createdMs: number,
  origin: ChangeOrigin,
  now: number,
): Promise<"unknown_price" | "no_customer_email" | "not_applicable" | null> {
  const plan = facts.priceId === null ? null : await tx.plans.findByExternalPrice(productId, facts.priceId);
  if (plan === null) return "unknown_price";
  if (facts.customerEmail === null) return "no_customer_email";
  if (facts.period === null) return "not_applicable";
  const product = await tx.products.find(productId);
  if (product === null) return "not_applicable";
  const owner = await endUserByEmail(tx, orgId, facts.customerEmail, now);
  const fresh = newSubscription(plan, owner.id, facts.period.start, now, { id: externalId, at: createdMs });
  const paid = withDeadline(
    { ...fresh, status: "active", anchorAt: facts.period.start, periodIndex: 0, currentPeriodStart: facts.period.start, currentPeriodEnd: facts.period.end, trialEndsAt: null },
    plan.graceDays,
  );
  await insertSubscription(tx, paid, plan, owner, product, null, origin, now);
  return null;
}
