/**
 * The parts of Stripe's event objects GeckoGuard reads, and where each lives (older and
 * newer Stripe API versions put the subscription and price of an invoice line in
 * different places; both are read). Anything missing reads as null.
 */
export interface StripeEvent {
  id: string;
  type: string;
  /** Unix seconds. */
  created: number;
  data: { object: unknown };
}

/** Verifies a delivery's `Stripe-Signature` over the raw body (drivers: the official `stripe` package). */
export interface StripeEventVerifier {
  /** The event, or GgError VALIDATION_ERROR for a bad or stale signature or a body that is not an event. */
  verify(rawBody: string, signatureHeader: string, secret: string, receivedAtMs: number): Promise<StripeEvent>;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json | null => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null);
const str = (value: unknown): string | null => (typeof value === "string" && value.length > 0 ? value : null);
const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
/** An id field that Stripe sends either as the id or as the expanded object. */
const idOf = (value: unknown): string | null => str(value) ?? str(obj(value)?.id);

export interface InvoiceFacts {
  subscriptionId: string | null;
  priceId: string | null;
  customerEmail: string | null;
  /** The paid period in epoch ms, from the first line. */
  period: { start: number; end: number } | null;
}

export function invoiceFacts(object: unknown): InvoiceFacts {
  const invoice = obj(object) ?? {};
  const parent = obj(obj(invoice.parent)?.subscription_details);
  const line = obj((obj(invoice.lines)?.data as unknown[] | undefined)?.[0]);
  const linePrice = idOf(line?.price) ?? str(obj(obj(line?.pricing)?.price_details)?.price) ?? idOf(line?.plan);
  const period = obj(line?.period);
  const start = num(period?.start);
  const end = num(period?.end);
  return {
    subscriptionId: idOf(invoice.subscription) ?? idOf(parent?.subscription),
    priceId: linePrice,
    customerEmail: str(invoice.customer_email),
    period: start !== null && end !== null && end > start ? { start: start * 1000, end: end * 1000 } : null,
  };
}

export interface SubscriptionFacts {
  subscriptionId: string | null;
  priceId: string | null;
  cancelAtPeriodEnd: boolean | null;
}

export function subscriptionFacts(object: unknown): SubscriptionFacts {
  const subscription = obj(object) ?? {};
  const item = obj((obj(subscription.items)?.data as unknown[] | undefined)?.[0]);
  const cancel = subscription.cancel_at_period_end;
  return {
    subscriptionId: str(subscription.id),
    priceId: idOf(item?.price) ?? idOf(item?.plan),
    cancelAtPeriodEnd: typeof cancel === "boolean" ? cancel : null,
  };
}
