import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { startReceiver } from "./support/webhook-receiver.ts";
import { apiClient } from "./support/http-client.ts";
import { orgWithProduct, signUp } from "./support/accounts.ts";
import { DAY, createEndUser, createPlan, subscribe, subscriptionsPath } from "./support/billing-fixtures.ts";

const COUNT = 24;

/**
 * The clock's promises across processes and restarts: subscriptions fall due while no
 * clock runs (the first server has it off and is stopped), then two servers on the same
 * database file both run it. Each subscription is expired once: one subscription.expired
 * event each, whichever process claimed it.
 */
describe("the subscription clock in two server processes after a restart", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-billing-clock-"));
  const receiver = startReceiver();
  const env = { GG_ALLOW_HTTP_WEBHOOKS: "1", GG_WEBHOOK_POLL_MS: "50", GG_SUBSCRIPTION_CLOCK_MS: "25" };
  let servers: RunningServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop({ keepData: true })));
    receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("every due subscription is expired exactly once; unpaid ones freeze their license, canceled ones expire it", async () => {
    const first = await startServer({ dataDir, env: { ...env, GG_SUBSCRIPTION_CLOCK: "0" } });
    servers = [first];
    const api = apiClient(first.baseUrl);
    const { token } = await signUp(api);
    const { orgId, productId } = await orgWithProduct(api, token);
    const hook = await api("POST", `/v1/dashboard/webhooks/products/${productId}`, { token, body: { url: receiver.url, events: ["subscription.expired"] } });
    expect(hook.status).toBe(201);
    const plan = await createPlan(api, token, productId, { interval: "day", graceDays: 1 });
    const startsAt = new Date(Date.now() - 5 * DAY).toISOString(); // period and grace both over
    const ids: { id: string; licenseId: string; canceled: boolean }[] = [];
    for (let i = 0; i < COUNT; i++) {
      const s = await subscribe(api, token, productId, { planId: plan.id, endUserId: await createEndUser(api, token, orgId), startsAt });
      const canceled = i % 3 === 0;
      const action = canceled ? "cancel" : "payment-failed";
      expect((await api("POST", subscriptionsPath(productId, `/${s.id}/${action}`), { token, body: canceled ? { atPeriodEnd: true } : {} })).status).toBe(200);
      ids.push({ id: s.id, licenseId: s.licenseId, canceled });
    }
    await Bun.sleep(200);
    expect(receiver.received).toHaveLength(0); // no clock ran
    await first.stop({ keepData: true });

    servers = await Promise.all([startServer({ dataDir, env }), startServer({ dataDir, env })]);
    const deliveries = await receiver.waitFor(COUNT, 20_000);
    await Bun.sleep(500); // room for a duplicate to show up
    const expired = deliveries.map((d) => JSON.parse(d.body) as { type: string; data: { subscription: { id: string }; license: string } });
    expect(expired.every((e) => e.type === "subscription.expired")).toBe(true);
    expect(expired.map((e) => e.data.subscription.id).sort()).toEqual(ids.map((s) => s.id).sort());

    const again = apiClient(servers[1]!.baseUrl);
    const owner = token; // the servers share the data dir's JWT secret
    for (const s of ids) {
      const license = (await again("GET", `/v1/dashboard/licenses/${s.licenseId}`, { token: owner })).body.data.license;
      expect({ id: s.id, frozen: license.frozen, state: license.state }).toEqual({ id: s.id, frozen: !s.canceled, state: s.canceled ? "expired" : "frozen" });
      const byLicense = expired.find((e) => e.data.subscription.id === s.id)!;
      expect(byLicense.data.license).toBe(s.canceled ? "expired" : "frozen");
    }
  }, 60_000);
});
