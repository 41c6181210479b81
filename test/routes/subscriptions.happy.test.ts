import { beforeAll, describe, expect, test } from "bun:test";
import { routeTestSetup } from "../support/test-app.ts";
import { issueApiKey, joinOrg, withKey } from "../support/api-keys.ts";
import { DAY, act, createEndUser, createPlan, licenseOf, plansPath, plusDays, subscribe, subscriptionsPath } from "../support/billing-fixtures.ts";

describe("plans and subscriptions: the happy paths", () => {
  const setup = routeTestSetup();
  const api = setup.api;
  let owner: string;
  let orgId: string;
  let productId: string;
  beforeAll(() => {
    ({ owner, orgId, productId } = setup);
  });

  test("an admin creates a plan with defaults filled in; the currency is upper-cased; list, get, patch, archive", async () => {
    const created = await api("POST", plansPath(productId), {
      token: owner,
      body: { name: " Pro monthly ", interval: "month", priceCents: 999, currency: "eur", licenseTemplate: { maxHwids: 2, ipBinding: "on" }, externalPriceId: "price_pro" },
    });
    expect(created.status).toBe(201);
    const plan = created.body.data.plan;
    expect(plan).toEqual({
      id: expect.any(String),
      productId,
      name: "Pro monthly",
      interval: "month",
      intervalCount: 1,
      priceCents: 999,
      currency: "EUR",
      trialDays: 0,
      graceDays: 3,
      licenseTemplate: { maxHwids: 2, ipBinding: "on" },
      externalPriceId: "price_pro",
      archived: false,
      archivedAt: null,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    const viewer = await joinOrg(api, owner, orgId, "viewer");
    expect((await api("GET", plansPath(productId, `/${plan.id}`), { token: viewer })).body.data.plan.id).toBe(plan.id);
    const patched = await api("PATCH", plansPath(productId, `/${plan.id}`), { token: owner, body: { name: "Pro", priceCents: 1299, licenseTemplate: { maxHwids: 3 } } });
    expect(patched.body.data.plan).toMatchObject({ name: "Pro", priceCents: 1299, licenseTemplate: { maxHwids: 3 }, interval: "month" });
    const archived = await api("POST", plansPath(productId, `/${plan.id}/archive`), { token: owner });
    expect(archived.body.data.plan).toMatchObject({ archived: true, archivedAt: expect.stringMatching(/Z$/) });
    const current = await api("GET", plansPath(productId, "?archived=false"), { token: viewer });
    expect(current.body.data.plans.map((p: { id: string }) => p.id)).not.toContain(plan.id);
    const all = await api("GET", plansPath(productId), { token: viewer });
    expect(all.body.data.plans.map((p: { id: string }) => p.id)).toContain(plan.id);
  });

  test("a subscription creates its license from the template, expiring at period end + grace; Jan 31 + 1 month is Feb 28", async () => {
    const plan = await createPlan(api, owner, productId, { licenseTemplate: { maxHwids: 2, maxSessions: 5 } });
    const endUserId = await createEndUser(api, owner, orgId);
    const s = await subscribe(api, owner, productId, { planId: plan.id, endUserId, startsAt: "2026-01-31T10:00:00.000Z" });
    expect(s).toMatchObject({
      planId: plan.id,
      endUserId,
      status: "active",
      currentPeriodStart: "2026-01-31T10:00:00.000Z",
      currentPeriodEnd: "2026-02-28T10:00:00.000Z",
      trialEndsAt: null,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      endsAt: "2026-03-03T10:00:00.000Z",
      priceCents: 999,
      currency: "USD",
    });
    const license = await licenseOf(api, owner, s.licenseId);
    expect(license).toMatchObject({ expiresAt: s.endsAt, endUserId, frozen: false });
    expect(license.policy).toMatchObject({ maxHwids: 2, maxSessions: 5 });

    const renewed = await act(api, owner, productId, s.id, "renew", { periods: 2 });
    expect(renewed).toMatchObject({ status: "active", currentPeriodStart: "2026-03-31T10:00:00.000Z", currentPeriodEnd: "2026-04-30T10:00:00.000Z", endsAt: "2026-05-03T10:00:00.000Z" });
    expect((await licenseOf(api, owner, s.licenseId)).expiresAt).toBe("2026-05-03T10:00:00.000Z");
    const once = await act(api, owner, productId, s.id, "renew");
    expect(once).toMatchObject({ currentPeriodStart: "2026-04-30T10:00:00.000Z", currentPeriodEnd: "2026-05-31T10:00:00.000Z" });
  });

  test("payment failed → past_due through grace; cancel at period end, resume, cancel now", async () => {
    const plan = await createPlan(api, owner, productId);
    const endUserId = await createEndUser(api, owner, orgId);
    const start = new Date(setup.app.clock.now()).toISOString();
    const s = await subscribe(api, owner, productId, { planId: plan.id, endUserId, startsAt: start });
    const pastDue = await act(api, owner, productId, s.id, "payment-failed");
    expect(pastDue).toMatchObject({ status: "past_due", endsAt: s.endsAt });
    const atEnd = await act(api, owner, productId, s.id, "cancel", { atPeriodEnd: true });
    expect(atEnd).toMatchObject({ status: "canceled", cancelAtPeriodEnd: true, endsAt: s.currentPeriodEnd, canceledAt: expect.any(String) });
    expect((await licenseOf(api, owner, s.licenseId)).expiresAt).toBe(s.currentPeriodEnd);
    const resumed = await act(api, owner, productId, s.id, "resume");
    expect(resumed).toMatchObject({ status: "active", cancelAtPeriodEnd: false, canceledAt: null, endsAt: s.endsAt });
    expect((await licenseOf(api, owner, s.licenseId)).expiresAt).toBe(s.endsAt);
    const now = await act(api, owner, productId, s.id, "cancel", { atPeriodEnd: false });
    expect(now).toMatchObject({ status: "canceled", cancelAtPeriodEnd: false, endsAt: new Date(setup.app.clock.now()).toISOString() });
  });

  test("a plan change waits for the next renewal; a price change affects new subscriptions only; archived plans keep renewing", async () => {
    const monthly = await createPlan(api, owner, productId, { priceCents: 500 });
    const yearly = await createPlan(api, owner, productId, { interval: "year", priceCents: 5000, graceDays: 7, licenseTemplate: { maxHwids: 4 } });
    const endUserId = await createEndUser(api, owner, orgId);
    const s = await subscribe(api, owner, productId, { planId: monthly.id, endUserId, startsAt: "2026-03-15T00:00:00.000Z" });
    const scheduled = await api("PATCH", subscriptionsPath(productId, `/${s.id}`), { token: owner, body: { planId: yearly.id } });
    expect(scheduled.body.data.subscription).toMatchObject({ planId: monthly.id, pendingPlanId: yearly.id, currentPeriodEnd: "2026-04-15T00:00:00.000Z" });
    await api("PATCH", plansPath(productId, `/${monthly.id}`), { token: owner, body: { priceCents: 700 } });
    await api("POST", plansPath(productId, `/${monthly.id}/archive`), { token: owner });
    const switched = await act(api, owner, productId, s.id, "renew");
    expect(switched).toMatchObject({ planId: yearly.id, pendingPlanId: null, priceCents: 5000, currentPeriodStart: "2026-04-15T00:00:00.000Z", currentPeriodEnd: "2027-04-15T00:00:00.000Z", endsAt: "2027-04-22T00:00:00.000Z" });
    expect((await licenseOf(api, owner, s.licenseId)).policy).toMatchObject({ maxHwids: 4 });

    const other = await subscribe(api, owner, productId, { planId: yearly.id, endUserId: await createEndUser(api, owner, orgId) });
    expect(other.priceCents).toBe(5000);
    await api("PATCH", plansPath(productId, `/${yearly.id}`), { token: owner, body: { priceCents: 6000 } });
    expect((await api("GET", subscriptionsPath(productId, `/${other.id}`), { token: owner })).body.data.subscription.priceCents).toBe(5000);
    expect((await subscribe(api, owner, productId, { planId: yearly.id, endUserId: await createEndUser(api, owner, orgId) })).priceCents).toBe(6000);
  });

  test("a trial first: trialing until trialEndsAt, and the first renewal counts from the trial's end", async () => {
    const plan = await createPlan(api, owner, productId, { trialDays: 14, interval: "week", intervalCount: 2, graceDays: 0 });
    const s = await subscribe(api, owner, productId, { planId: plan.id, endUserId: await createEndUser(api, owner, orgId), startsAt: "2026-06-01T00:00:00.000Z" });
    expect(s).toMatchObject({ status: "trialing", trialEndsAt: "2026-06-15T00:00:00.000Z", currentPeriodEnd: "2026-06-15T00:00:00.000Z", endsAt: "2026-06-15T00:00:00.000Z" });
    const paid = await act(api, owner, productId, s.id, "renew");
    expect(paid).toMatchObject({ status: "active", currentPeriodStart: "2026-06-15T00:00:00.000Z", currentPeriodEnd: plusDays("2026-06-15T00:00:00.000Z", 14) });
  });

  test("a subscription adopts an unowned license of the product instead of creating one", async () => {
    const plan = await createPlan(api, owner, productId, { licenseTemplate: { maxIps: 9 } });
    const license = (await api("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner, body: { productId, note: "bought before" } })).body.data.licenses[0];
    const endUserId = await createEndUser(api, owner, orgId);
    const before = await setup.app.count("licenses");
    const s = await subscribe(api, owner, productId, { planId: plan.id, endUserId, licenseId: license.id });
    expect(s.licenseId).toBe(license.id);
    expect(await setup.app.count("licenses")).toBe(before);
    expect(await licenseOf(api, owner, license.id)).toMatchObject({ endUserId, expiresAt: s.endsAt, policy: expect.objectContaining({ maxIps: 9 }) });
  });

  test("the management API: subscription:read lists and reads, subscription:write changes; the same shapes", async () => {
    const plan = await createPlan(api, owner, productId);
    const endUserId = await createEndUser(api, owner, orgId);
    const writer = await issueApiKey(api, owner, productId, ["subscription:read", "subscription:write"]);
    const created = await api("POST", `/v1/products/${productId}/subscriptions`, withKey(writer.key, { body: { planId: plan.id, endUserId } }));
    expect(created.status).toBe(201);
    const id = created.body.data.subscription.id;
    const renewed = await api("POST", `/v1/products/${productId}/subscriptions/${id}/renew`, withKey(writer.key, { body: { periods: 1 } }));
    expect(renewed.status).toBe(200);
    expect(Date.parse(renewed.body.data.subscription.currentPeriodEnd)).toBeGreaterThan(Date.parse(created.body.data.subscription.currentPeriodEnd) + 27 * DAY);
    const reader = await issueApiKey(api, owner, productId, ["subscription:read"]);
    const listed = await api("GET", `/v1/products/${productId}/subscriptions?endUserId=${endUserId}`, withKey(reader.key));
    expect(listed.body.data.subscriptions.map((s: { id: string }) => s.id)).toEqual([id]);
    const plans = await api("GET", `/v1/products/${productId}/plans`, withKey(reader.key));
    expect(plans.status).toBe(200);
  });

  test("the audit log names who changed plans and subscriptions: the user, the API key", async () => {
    const plan = await createPlan(api, owner, productId);
    const s = await subscribe(api, owner, productId, { planId: plan.id, endUserId: await createEndUser(api, owner, orgId) });
    const writer = await issueApiKey(api, owner, productId, ["subscription:write"]);
    expect((await api("POST", `/v1/products/${productId}/subscriptions/${s.id}/payment-failed`, withKey(writer.key))).status).toBe(200);
    const entries = (await api("GET", `/v1/dashboard/orgs/${orgId}/audit-log?pageSize=200`, { token: owner })).body.data.entries as {
      action: string;
      actor: { type: string; id: string };
      resource: { type: string; id: string };
      changes: Record<string, [unknown, unknown]> | null;
    }[];
    const about = (id: string) => entries.filter((e) => e.resource.id === id);
    expect(about(plan.id).map((e) => [e.action, e.actor.type])).toEqual([["plan.created", "user"]]);
    expect(about(s.id).map((e) => [e.action, e.actor.type])).toEqual([
      ["subscription.past_due", "api_key"],
      ["subscription.created", "user"],
    ]);
    expect(about(s.id)[0]!.actor.id).toBe(writer.id);
    expect(about(s.id)[0]!.changes).toEqual({ status: ["active", "past_due"] });
  });
});
