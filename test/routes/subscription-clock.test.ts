import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { PASSWORD, signUp, orgWithProduct } from "../support/accounts.ts";
import { DAY, act, createEndUser, createPlan, licenseOf, subscribe, subscriptionsPath, type SubscriptionAnswer } from "../support/billing-fixtures.ts";

/** The runtime's clock with an injected time source: the test moves time, the server's clock (polling every 20 ms) acts on it. */
describe("the subscription clock, with an injected clock", () => {
  let app: TestApp;
  let owner: string;
  let email: string;
  let orgId: string;
  let productId: string;
  beforeAll(async () => {
    app = await openTestApp({ subscriptions: { pollIntervalMs: 20 } });
    ({ token: owner, email } = await signUp(app.api));
    ({ orgId, productId } = await orgWithProduct(app.api, owner));
  });
  afterAll(() => app.close());

  /** Moves the injected time; the owner logs in again (access tokens live 15 minutes of that time). */
  async function advance(ms: number) {
    app.clock.advance(ms);
    owner = (await app.api("POST", "/v1/auth/login", { body: { email, password: PASSWORD } })).body.data.accessToken;
  }
  const read = async (id: string): Promise<SubscriptionAnswer> => (await app.api("GET", subscriptionsPath(productId, `/${id}`), { token: owner })).body.data.subscription;
  async function settled(id: string, status: string): Promise<SubscriptionAnswer> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const s = await read(id);
      if (s.status === status || Date.now() > deadline) return s;
      await Bun.sleep(20);
    }
  }
  const fresh = async (planBody: Record<string, unknown> = {}) => {
    const plan = await createPlan(app.api, owner, productId, { interval: "day", graceDays: 2, ...planBody });
    return subscribe(app.api, owner, productId, { planId: plan.id, endUserId: await createEndUser(app.api, owner, orgId), startsAt: new Date(app.clock.now()).toISOString() });
  };

  test("past_due runs through grace, then expires and freezes its license; a late payment revives both", async () => {
    const s = await fresh();
    await act(app.api, owner, productId, s.id, "payment-failed");
    await advance(2 * DAY); // period (1 day) + 1 of 2 grace days
    await Bun.sleep(100);
    expect((await read(s.id)).status).toBe("past_due");
    expect((await licenseOf(app.api, owner, s.licenseId)).state).toBe("valid");
    await advance(DAY + 1);
    expect(await settled(s.id, "expired")).toMatchObject({ status: "expired", endsAt: null });
    expect(await licenseOf(app.api, owner, s.licenseId)).toMatchObject({ frozen: true, state: "frozen" });
    const audit = (await app.api("GET", `/v1/dashboard/orgs/${orgId}/audit-log?action=subscription.expired`, { token: owner })).body.data.entries;
    expect(audit.find((e: { resource: { id: string } }) => e.resource.id === s.id)).toMatchObject({ actor: { type: "system", id: "subscription_clock" } });

    const revived = await act(app.api, owner, productId, s.id, "renew");
    expect(revived).toMatchObject({ status: "active", currentPeriodStart: new Date(app.clock.now()).toISOString() });
    expect(await licenseOf(app.api, owner, s.licenseId)).toMatchObject({ frozen: false, state: "valid", expiresAt: revived.endsAt });
  });

  test("canceled now: expired at the next look, the license expired (not frozen)", async () => {
    const s = await fresh();
    await act(app.api, owner, productId, s.id, "cancel", { atPeriodEnd: false });
    await advance(1);
    expect((await settled(s.id, "expired")).status).toBe("expired");
    expect(await licenseOf(app.api, owner, s.licenseId)).toMatchObject({ frozen: false, state: "expired" });
    const refused = await app.api("POST", subscriptionsPath(productId, `/${s.id}/renew`), { token: owner });
    expect(refused.status).toBe(409);
  });

  test("canceled at period end: runs to the period's end (no grace), then expires", async () => {
    const s = await fresh();
    await act(app.api, owner, productId, s.id, "cancel", { atPeriodEnd: true });
    await advance(DAY - 1000);
    await Bun.sleep(100);
    expect((await read(s.id)).status).toBe("canceled");
    await advance(1000);
    expect((await settled(s.id, "expired")).status).toBe("expired");
    expect((await licenseOf(app.api, owner, s.licenseId)).state).toBe("expired");
  });

  test("an active subscription nobody renewed lapses after its grace like an unpaid one", async () => {
    const s = await fresh({ graceDays: 0 });
    await advance(DAY);
    expect((await settled(s.id, "expired")).status).toBe("expired");
    expect((await licenseOf(app.api, owner, s.licenseId)).frozen).toBe(true);
  });
});
