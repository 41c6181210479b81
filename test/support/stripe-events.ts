import Stripe from "stripe";

let sequence = 0;

/** A Stripe event as Stripe would send it (only the fields GeckoGuard reads, plus a few). */
export function stripeEvent(type: string, object: Record<string, unknown>, createdSec: number, id = `evt_test_${++sequence}_${Date.now()}`) {
  return { id, object: "event", api_version: "2025-03-31.basil", type, created: createdSec, livemode: false, data: { object } };
}

/** An invoice of `subscription` for [start, end) (Unix seconds) at `price`; `layout` picks the older or the newer API shape. */
export function invoice(subscription: string, price: string, period: { start: number; end: number }, options: { email?: string; layout?: "classic" | "basil" } = {}) {
  const line = options.layout === "basil" ? { period, pricing: { price_details: { price } } } : { period, price: { id: price, object: "price" } };
  return {
    id: `in_${subscription}_${period.start}`,
    object: "invoice",
    ...(options.layout === "basil" ? { parent: { subscription_details: { subscription } } } : { subscription }),
    customer: "cus_test",
    customer_email: options.email ?? null,
    lines: { object: "list", data: [line] },
  };
}

export function subscriptionObject(id: string, price: string, cancelAtPeriodEnd = false) {
  return { id, object: "subscription", cancel_at_period_end: cancelAtPeriodEnd, items: { object: "list", data: [{ price: { id: price, object: "price" } }] } };
}

/** The request Stripe would make: the raw body and its Stripe-Signature, signed by the stripe package's own test helper. */
export async function signedStripeRequest(url: string, event: object, secret: string, timestampSec: number): Promise<Request> {
  const payload = JSON.stringify(event);
  const signature = await Stripe.webhooks.generateTestHeaderStringAsync({ payload, secret, timestamp: timestampSec });
  return new Request(url, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload });
}
