import { beforeAll, describe, expect, test } from "bun:test";
import { expectError, routeTestSetup } from "../support/test-app.ts";
import { orgWithProduct, signUp } from "../support/accounts.ts";
import { issueApiKey, joinOrg, withKey } from "../support/api-keys.ts";
import { act, createEndUser, createPlan, plansPath, subscribe, subscriptionsPath } from "../support/billing-fixtures.ts";

const BILLING_TABLES = ["plans", "subscriptions", "licenses", "end_users"];

describe("plans and subscriptions: bad input and wrong tenants change nothing", () => {
  const setup = routeTestSetup();
  const api = setup.api;
  let owner: string;
  let orgId: string;
  let productId: string;
  beforeAll(() => {
    ({ owner, orgId, productId } = setup);
  });

  const counts = () => Promise.all(BILLING_TABLES.map((table) => setup.app.count(table)));

  test("unknown currencies, zero or negative periods, bad template values: 400 and no plan written", async () => {
    const before = await counts();
    const base = { name: "P", interval: "month", priceCents: 100, currency: "USD" };
    const bad = [
      { ...base, currency: "ABC" },
      { ...base, currency: "XAU" },
      { ...base, currency: "US" },
      { ...base, intervalCount: 0 },
      { ...base, intervalCount: -1 },
      { ...base, interval: "fortnight" },
      { ...base, priceCents: -1 },
      { ...base, trialDays: -3 },
      { ...base, graceDays: -1 },
      { ...base, licenseTemplate: { maxHwids: 0 } },
    ];
    for (const body of bad) expectError(await api("POST", plansPath(productId), { token: owner, body }), 400, "VALIDATION_ERROR");
    const unknown = await api("POST", plansPath(productId), { token: owner, body: { ...base, currency: "ABC" } });
    expect(unknown.body.error.message).toContain("ABC");
    expect(await counts()).toEqual(before);
  });

  test("renew by zero or negative periods: 400, the subscription and its license unchanged", async () => {
    const plan = await createPlan(api, owner, productId);
    const s = await subscribe(api, owner, productId, { planId: plan.id, endUserId: await createEndUser(api, owner, orgId) });
    for (const periods of [0, -1, 1.5, 121]) {
      expectError(await api("POST", subscriptionsPath(productId, `/${s.id}/renew`), { token: owner, body: { periods } }), 400, "VALIDATION_ERROR");
    }
    const now = (await api("GET", subscriptionsPath(productId, `/${s.id}`), { token: owner })).body.data.subscription;
    expect(now.currentPeriodEnd).toBe(s.currentPeriodEnd);
  });

  test("a plan of another product, an end user of another org, a license of another product: 404, nothing written", async () => {
    const other = await orgWithProduct(api, owner);
    const foreignPlan = await createPlan(api, owner, other.productId);
    const foreignEndUser = await createEndUser(api, owner, other.orgId);
    const plan = await createPlan(api, owner, productId);
    const endUserId = await createEndUser(api, owner, orgId);
    const foreignLicense = (await api("POST", `/v1/dashboard/orgs/${other.orgId}/licenses`, { token: owner, body: { productId: other.productId } })).body.data.licenses[0];
    const before = await counts();
    const cases = [
      { planId: foreignPlan.id, endUserId },
      { planId: plan.id, endUserId: foreignEndUser },
      { planId: plan.id, endUserId, licenseId: foreignLicense.id },
      { planId: crypto.randomUUID(), endUserId },
    ];
    for (const body of cases) expectError(await api("POST", subscriptionsPath(productId), { token: owner, body }), 404, "NOT_FOUND");
    expect(await counts()).toEqual(before);
    expectError(await api("GET", plansPath(productId, `/${foreignPlan.id}`), { token: owner }), 404, "NOT_FOUND");
  });

  test("an archived plan takes no new subscription; a license owned by someone else or already subscribed: 409", async () => {
    const plan = await createPlan(api, owner, productId);
    const endUserId = await createEndUser(api, owner, orgId);
    const s = await subscribe(api, owner, productId, { planId: plan.id, endUserId });
    const before = await counts();
    expectError(await api("POST", subscriptionsPath(productId), { token: owner, body: { planId: plan.id, endUserId: await createEndUser(api, owner, orgId), licenseId: s.licenseId } }), 409, "CONFLICT");
    expectError(await api("POST", subscriptionsPath(productId), { token: owner, body: { planId: plan.id, endUserId, licenseId: s.licenseId } }), 409, "CONFLICT");
    await api("POST", plansPath(productId, `/${plan.id}/archive`), { token: owner });
    const fresh = await createEndUser(api, owner, orgId);
    expectError(await api("POST", subscriptionsPath(productId), { token: owner, body: { planId: plan.id, endUserId: fresh } }), 409, "CONFLICT");
    expect((await counts()).slice(0, 3)).toEqual(before.slice(0, 3));
  });

  test("lifecycle moves that make no sense: 409 with the state unchanged", async () => {
    const plan = await createPlan(api, owner, productId);
    const s = await subscribe(api, owner, productId, { planId: plan.id, endUserId: await createEndUser(api, owner, orgId) });
    expectError(await api("POST", subscriptionsPath(productId, `/${s.id}/resume`), { token: owner }), 409, "CONFLICT");
    await act(api, owner, productId, s.id, "cancel", { atPeriodEnd: false });
    expectError(await api("POST", subscriptionsPath(productId, `/${s.id}/renew`), { token: owner }), 409, "CONFLICT");
    expectError(await api("POST", subscriptionsPath(productId, `/${s.id}/payment-failed`), { token: owner }), 409, "CONFLICT");
    expect((await api("GET", subscriptionsPath(productId, `/${s.id}`), { token: owner })).body.data.subscription.status).toBe("canceled");
  });

  test("roles and scopes: members cannot write plans or the Stripe secret; viewers cannot subscribe; keys need their scope and product", async () => {
    const member = await joinOrg(api, owner, orgId, "member");
    const viewer = await joinOrg(api, owner, orgId, "viewer");
    expectError(await api("POST", plansPath(productId), { token: member, body: { name: "P", interval: "day", priceCents: 1, currency: "USD" } }), 403, "PERMISSION_DENIED");
    expectError(await api("PUT", `/v1/dashboard/products/${productId}/billing/stripe`, { token: member, body: { webhookSecret: "whsec_abcdefgh" } }), 403, "PERMISSION_DENIED");
    const plan = await createPlan(api, owner, productId);
    const endUserId = await createEndUser(api, owner, orgId);
    expectError(await api("POST", subscriptionsPath(productId), { token: viewer, body: { planId: plan.id, endUserId } }), 403, "PERMISSION_DENIED");
    expect((await api("POST", subscriptionsPath(productId), { token: member, body: { planId: plan.id, endUserId } })).status).toBe(201);

    const reader = await issueApiKey(api, owner, productId, ["subscription:read"]);
    const noScope = await issueApiKey(api, owner, productId, ["license:read"]);
    expectError(await api("POST", `/v1/products/${productId}/plans`, withKey(reader.key, { body: { name: "P", interval: "day", priceCents: 1, currency: "USD" } })), 403, "PERMISSION_DENIED");
    expectError(await api("GET", `/v1/products/${productId}/subscriptions`, withKey(noScope.key)), 403, "PERMISSION_DENIED");
    const other = await orgWithProduct(api, owner);
    expectError(await api("GET", `/v1/products/${other.productId}/plans`, withKey(reader.key)), 403, "FORBIDDEN");
    const stranger = (await signUp(api)).token;
    expectError(await api("GET", plansPath(productId), { token: stranger }), 403, "FORBIDDEN");
  });
});
