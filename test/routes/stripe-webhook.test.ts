import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { routeTestSetup } from "../support/test-app.ts";
import { createPlan, licenseOf, subscriptionsPath } from "../support/billing-fixtures.ts";
import { invoice, signedStripeRequest, stripeEvent, subscriptionObject } from "../support/stripe-events.ts";

const SECRET = "whsec_test_0123456789abcdef";
const TABLES = ["subscriptions", "licenses", "end_users", "stripe_events"];

describe("Stripe webhooks: verified by the stripe package, each event once, newest state wins", () => {
  const setup = routeTestSetup();
  const api = setup.api;
  let productId: string;
  let owner: string;
  let basic: { id: string };
  let pro: { id: string };
  const fetched: string[] = [];
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    ({ productId, owner } = setup);
    // No network: any call the stripe package made to Stripe's API would show up here.
    globalThis.fetch = Object.assign((input: RequestInfo | URL) => {
      fetched.push(String(input));
      return Promise.reject(new Error("no network in tests"));
    }, realFetch);
    basic = await createPlan(api, owner, productId, { externalPriceId: "price_basic", licenseTemplate: { maxHwids: 1 } });
    pro = await createPlan(api, owner, productId, { externalPriceId: "price_pro", licenseTemplate: { maxHwids: 5 } });
    const saved = await api("PUT", `/v1/dashboard/products/${productId}/billing/stripe`, { token: owner, body: { webhookSecret: SECRET } });
    expect(saved.status).toBe(200);
    expect(saved.body.data.stripe).toMatchObject({ configured: true, webhookPath: `/v1/billing/stripe/${productId}/webhook` });
    expect(JSON.stringify(saved.body)).not.toContain(SECRET);
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
    expect(fetched).toEqual([]);
  });

  const nowSec = () => Math.floor(setup.app.clock.now() / 1000);
  const url = () => `http://localhost/v1/billing/stripe/${productId}/webhook`;
  async function send(event: ReturnType<typeof stripeEvent>, secret = SECRET) {
    const response = await setup.app.handle(await signedStripeRequest(url(), event, secret, nowSec()));
    return { status: response.status, body: (await response.json()) as { ok: boolean; data: { applied: boolean; reason?: string }; error?: { code: string } } };
  }
  const counts = () => Promise.all(TABLES.map((t) => setup.app.count(t)));
  const byExternal = async (externalId: string) => {
    const all = (await api("GET", subscriptionsPath(productId, "?pageSize=200"), { token: owner })).body.data.subscriptions as { externalSubscriptionId: string; id: string }[];
    const found = all.find((s) => s.externalSubscriptionId === externalId)!;
    return (await api("GET", subscriptionsPath(productId, `/${found.id}`), { token: owner })).body.data.subscription;
  };

  const t0 = Math.floor(Date.now() / 1000);
  const period = (n: number) => ({ start: t0 + n * 30 * 86400, end: t0 + (n + 1) * 30 * 86400 });

  test("a first invoice.paid for an unknown subscription with a known price creates the end user, license and subscription", async () => {
    const before = await counts();
    const event = stripeEvent("invoice.paid", invoice("sub_A", "price_basic", period(0), { email: "buyer@example.com" }), nowSec());
    const answer = await send(event);
    expect(answer).toMatchObject({ status: 200, body: { ok: true, data: { applied: true } } });
    expect(await counts()).toEqual(before.map((n) => n + 1));
    const s = await byExternal("sub_A");
    expect(s).toMatchObject({ planId: basic.id, status: "active", currentPeriodStart: new Date(period(0).start * 1000).toISOString(), currentPeriodEnd: new Date(period(0).end * 1000).toISOString() });
    const endUser = (await api("GET", `/v1/dashboard/orgs/${setup.orgId}/end-users/${s.endUserId}`, { token: owner })).body.data.endUser;
    expect(endUser.email).toBe("buyer@example.com");
    expect(await licenseOf(api, owner, s.licenseId)).toMatchObject({ endUserId: s.endUserId, expiresAt: s.endsAt });

    const audit = (await api("GET", `/v1/dashboard/orgs/${setup.orgId}/audit-log?action=subscription.created`, { token: owner })).body.data.entries;
    expect(audit[0]).toMatchObject({ actor: { type: "system", id: "stripe", label: `Stripe ${event.id}` }, resource: { type: "subscription", id: s.id } });

    const again = await send(event);
    expect(again.body.data).toMatchObject({ applied: false, reason: "duplicate" });
    expect(await counts()).toEqual(before.map((n) => n + 1));
  });

  test("a bad signature, another product's secret, a missing header: 400 and nothing changes", async () => {
    const before = await counts();
    const event = stripeEvent("invoice.paid", invoice("sub_B", "price_basic", period(0), { email: "b@example.com" }), nowSec());
    const forged = await send(event, "whsec_not_the_secret");
    expect({ status: forged.status, code: forged.body.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
    const tampered = await signedStripeRequest(url(), event, SECRET, nowSec());
    const altered = new Request(tampered.url, { method: "POST", headers: tampered.headers, body: JSON.stringify({ ...event, id: "evt_other" }) });
    expect((await setup.app.handle(altered)).status).toBe(400);
    const unsigned = await setup.app.handle(new Request(url(), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(event) }));
    expect(unsigned.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  test("payment_failed → past_due, invoice.paid (newer API shape) → renewed to the invoice's period, subscription.updated → plan by price", async () => {
    await send(stripeEvent("invoice.paid", invoice("sub_C", "price_basic", period(0), { email: "c@example.com" }), nowSec()));
    expect((await send(stripeEvent("invoice.payment_failed", invoice("sub_C", "price_basic", period(1)), nowSec() + 10))).body.data.applied).toBe(true);
    expect((await byExternal("sub_C")).status).toBe("past_due");
    await send(stripeEvent("invoice.paid", invoice("sub_C", "price_basic", period(1), { layout: "basil" }), nowSec() + 20));
    const renewed = await byExternal("sub_C");
    expect(renewed).toMatchObject({ status: "active", currentPeriodEnd: new Date(period(1).end * 1000).toISOString() });
    expect((await licenseOf(api, owner, renewed.licenseId)).expiresAt).toBe(renewed.endsAt);
    await send(stripeEvent("customer.subscription.updated", subscriptionObject("sub_C", "price_pro"), nowSec() + 30));
    const upgraded = await byExternal("sub_C");
    expect(upgraded.planId).toBe(pro.id);
    expect((await licenseOf(api, owner, upgraded.licenseId)).policy).toMatchObject({ maxHwids: 5 });
  });

  test("customer.subscription.deleted cancels now; an older invoice.paid arriving after it changes nothing", async () => {
    await send(stripeEvent("invoice.paid", invoice("sub_D", "price_basic", period(0), { email: "d@example.com" }), nowSec()));
    await send(stripeEvent("customer.subscription.deleted", subscriptionObject("sub_D", "price_basic"), nowSec() + 50));
    const late = await send(stripeEvent("invoice.paid", invoice("sub_D", "price_basic", period(1)), nowSec() + 40));
    expect(late.body.data).toMatchObject({ applied: false, reason: "stale" });
    const s = await byExternal("sub_D");
    expect(s).toMatchObject({ status: "canceled", cancelAtPeriodEnd: false, currentPeriodEnd: new Date(period(0).end * 1000).toISOString() });
  });

  test("an unknown subscription with an unknown price, or without an email: recorded, nothing created", async () => {
    const before = await counts();
    expect((await send(stripeEvent("invoice.paid", invoice("sub_E", "price_nobody_sells", period(0), { email: "e@example.com" }), nowSec()))).body.data.reason).toBe("unknown_price");
    expect((await send(stripeEvent("invoice.paid", invoice("sub_F", "price_basic", period(0)), nowSec()))).body.data.reason).toBe("no_customer_email");
    expect((await send(stripeEvent("customer.subscription.deleted", subscriptionObject("sub_G", "price_basic"), nowSec()))).body.data.reason).toBe("unknown_subscription");
    const [subs, licenses, endUsers, ledger] = await counts();
    expect([subs, licenses, endUsers]).toEqual(before.slice(0, 3));
    expect(ledger).toBe(before[3]! + 3);
  });

  test("a product without a Stripe secret: 404, nothing recorded", async () => {
    const other = (await api("POST", "/v1/dashboard/products", { token: owner, body: { orgId: setup.orgId, name: "No Stripe" } })).body.data.product.id;
    const response = await setup.app.handle(await signedStripeRequest(`http://localhost/v1/billing/stripe/${other}/webhook`, stripeEvent("invoice.paid", {}, nowSec()), SECRET, nowSec()));
    expect(response.status).toBe(404);
  });
});
