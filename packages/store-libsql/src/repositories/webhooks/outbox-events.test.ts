import { afterEach, describe, expect, test } from "bun:test";
import { DISABLE_AFTER_FAILING_MS, fanOutEvents, recordAttempts, type AttemptReport } from "@geckoguard/core";
import { tempWebhookDatabase } from "../../testing/webhook-fixtures.ts";

let db: Awaited<ReturnType<typeof tempWebhookDatabase>>;
afterEach(() => db.close());

const page = { offset: 0, limit: 100 };
const failure: AttemptReport = { outcome: "http_error", statusCode: 503, error: "HTTP 503", durationMs: 3, responseSnippet: null };

describe("the webhook outbox (libSQL)", () => {
  test("events nobody subscribes to are not written; a subscribed type is, in the caller's transaction", async () => {
    db = await tempWebhookDatabase();
    const { productId } = await db.product();
    const now = db.clock.now();
    await db.store.events.record(productId, "license.created", { n: 1 }, now);
    expect(await db.store.events.hasBacklog()).toBe(false);
    await db.endpoint(db.store, productId, ["license.revoked"]);
    await db.store.events.record(productId, "license.created", { n: 2 }, now);
    expect(await db.store.events.hasBacklog()).toBe(false);
    await expect(
      db.store.transaction(async (tx) => {
        await tx.events.record(productId, "license.revoked", { n: 3 }, now);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.store.events.hasBacklog()).toBe(false);
    await db.store.transaction((tx) => tx.events.record(productId, "license.revoked", { n: 4 }, now));
    expect((await db.store.events.takeForFanOut(10)).map((e) => e.data)).toEqual([{ n: 4 }]);
    expect(await db.store.events.hasBacklog()).toBe(false);
  });

  test("fan-out: one delivery per subscribed enabled endpoint; org events reach every product; targeted events one endpoint", async () => {
    db = await tempWebhookDatabase();
    const { orgId, productId: a } = await db.product();
    const { productId: b } = await db.product(orgId);
    const { productId: elsewhere } = await db.product();
    const all = await db.endpoint(db.store, a);
    const revokedOnly = await db.endpoint(db.store, a, ["license.revoked"]);
    const off = await db.endpoint(db.store, a, ["*"], false);
    const onB = await db.endpoint(db.store, b, ["end_user.created"]);
    const foreign = await db.endpoint(db.store, elsewhere);
    const now = db.clock.now();
    await db.store.events.recordMany(
      [
        { productId: a, type: "license.created", data: {} },
        { productId: a, type: "license.revoked", data: {} },
        { orgId, type: "end_user.created", data: {} },
        { productId: a, endpointId: revokedOnly.id, type: "webhook_endpoint.test", data: {} },
      ],
      now,
    );
    expect(await fanOutEvents(db.store, now)).toBe(4);
    const types = async (endpointId: string, productId: string) =>
      (await db.store.webhookDeliveries.list(productId, endpointId, {}, page)).items.map((d) => d.eventType).sort();
    expect(await types(all.id, a)).toEqual(["end_user.created", "license.created", "license.revoked"]);
    expect(await types(revokedOnly.id, a)).toEqual(["license.revoked", "webhook_endpoint.test"]);
    expect(await types(off.id, a)).toEqual([]);
    expect(await types(onB.id, b)).toEqual(["end_user.created"]);
    expect(await types(foreign.id, elsewhere)).toEqual([]);
    expect(await types(all.id, b)).toEqual([]); // tenancy: the endpoint is not product b's
    expect(await fanOutEvents(db.store, now)).toBe(0);
  });

  test("an endpoint failing for three days is disabled, and a webhook_endpoint.disabled event says so", async () => {
    db = await tempWebhookDatabase();
    const { productId } = await db.product();
    const failing = await db.endpoint(db.store, productId, ["license.created"]);
    const watcher = await db.endpoint(db.store, productId, ["webhook_endpoint.disabled"]);
    const policy = { backoffBaseMs: 60_000, random: () => 0.5 };
    const attemptAt = async (at: number) => {
      db.clock.set(at);
      await db.store.events.record(productId, "license.created", {}, at);
      await fanOutEvents(db.store, at);
      const [claimed] = await db.store.webhookDeliveries.claimDue(1, { token: `t${at}`, until: at + 30_000 }, at);
      return recordAttempts(db.store, [{ claimed: claimed!, report: failure, at }], policy);
    };
    const start = db.clock.now();
    const first = await attemptAt(start);
    expect(first.disabled).toEqual([]);
    expect(first.recorded.map((r) => [r.claimed.endpoint.id, r.result.status])).toEqual([[failing.id, "pending"]]);
    expect(await db.store.webhookDeliveries.countPending()).toBe(1); // waiting for its retry
    expect((await db.store.webhookEndpoints.find(productId, failing.id))?.failingSince).toBe(start);
    expect((await attemptAt(start + DISABLE_AFTER_FAILING_MS - 1)).disabled).toEqual([]);
    expect((await attemptAt(start + DISABLE_AFTER_FAILING_MS)).disabled.map((e) => e.id)).toEqual([failing.id]);
    const disabled = await db.store.webhookEndpoints.find(productId, failing.id);
    expect(disabled).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("failed since") });
    await fanOutEvents(db.store, db.clock.now());
    const told = await db.store.webhookDeliveries.list(productId, watcher.id, {}, page);
    expect(told.items.map((d) => d.eventType)).toEqual(["webhook_endpoint.disabled"]);
    const attempts = await db.store.webhookDeliveries.listAttempts(productId, failing.id, {}, page);
    expect(attempts.items.map((a) => a.outcome)).toEqual(["http_error", "http_error", "http_error"]);
  });

  test("a success ends the failure run; old finished events are pruned, pending ones kept", async () => {
    db = await tempWebhookDatabase();
    const { productId } = await db.product();
    const endpoint = await db.endpoint(db.store, productId);
    const now = db.clock.now();
    await db.store.events.recordMany([{ productId, type: "license.created", data: {} }, { productId, type: "license.updated", data: {} }], now);
    await fanOutEvents(db.store, now);
    const [first] = await db.store.webhookDeliveries.claimDue(2, { token: "t", until: now + 30_000 }, now);
    const [second] = await db.store.webhookDeliveries.claimDue(2, { token: "t", until: now + 30_000 }, now);
    await recordAttempts(db.store, [{ claimed: first!, report: failure, at: now }], { backoffBaseMs: 60_000, random: () => 0.5 });
    expect((await db.store.webhookEndpoints.find(productId, endpoint.id))?.failingSince).toBe(now);
    const success: AttemptReport = { outcome: "success", statusCode: 200, error: null, durationMs: 2, responseSnippet: "ok" };
    await recordAttempts(db.store, [{ claimed: second!, report: success, at: now }], { backoffBaseMs: 60_000, random: () => 0.5 });
    expect((await db.store.webhookEndpoints.find(productId, endpoint.id))?.failingSince).toBeNull();
    expect(await db.store.events.pruneBefore(now + 1)).toBe(1); // the delivered one; the retrying one stays
    expect((await db.store.webhookDeliveries.list(productId, endpoint.id, {}, page)).items.map((d) => d.status)).toEqual(["pending"]);
  });
});
