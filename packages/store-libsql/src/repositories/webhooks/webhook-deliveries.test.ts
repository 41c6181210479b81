import { afterEach, describe, expect, test } from "bun:test";
import { fanOutEvents, type ClaimedDelivery, type Store } from "@geckoguard/core";
import { tempWebhookDatabase } from "../../testing/webhook-fixtures.ts";

let db: Awaited<ReturnType<typeof tempWebhookDatabase>>;
afterEach(() => db.close());

/** `count` license.created events on a product with `endpoints` "*" endpoints, fanned out to due deliveries. */
async function dueDeliveries(count: number, endpoints = 1) {
  db = await tempWebhookDatabase();
  const { productId } = await db.product();
  const endpoint = await db.endpoint(db.store, productId);
  for (let i = 1; i < endpoints; i++) await db.endpoint(db.store, productId);
  const now = db.clock.now();
  await db.store.events.recordMany(Array.from({ length: count }, (_, i) => ({ productId, type: "license.created" as const, data: { i } })), now);
  expect(await fanOutEvents(db.store, now)).toBe(count);
  return { endpoint, now };
}

async function claimAll(store: Store, token: string, now: number): Promise<ClaimedDelivery[]> {
  const all: ClaimedDelivery[] = [];
  for (;;) {
    const batch = await store.webhookDeliveries.claimDue(7, { token, until: now + 30_000 }, now);
    if (batch.length === 0) return all;
    all.push(...batch);
    await Bun.sleep(0); // let the other claimer run between batches
  }
}

describe("claiming deliveries (libSQL)", () => {
  test("two claimers on separate connections never get the same delivery, and together get all", async () => {
    const { now } = await dueDeliveries(12, 5);
    const [a, b] = [await db.openAnother(), await db.openAnother()];
    const [byA, byB] = await Promise.all([claimAll(a, "worker-a", now), claimAll(b, "worker-b", now)]);
    const ids = [...byA, ...byB].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(60);
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    for (const claimed of [...byA, ...byB]) expect(claimed.attempt).toBe(1);
  });

  test("one delivery per endpoint per claim, oldest first, and busy endpoints can be skipped", async () => {
    db = await tempWebhookDatabase();
    const { productId } = await db.product();
    const endpoint = await db.endpoint(db.store, productId);
    for (let i = 1; i < 3; i++) await db.endpoint(db.store, productId);
    for (let i = 0; i < 3; i++) {
      const at = db.clock.now() + i;
      await db.store.events.record(productId, "license.created", { i }, at);
      await fanOutEvents(db.store, at); // event i's deliveries fall due at start + i
    }
    const now = db.clock.now() + 10;
    const lease = { token: "t", until: now + 30_000 };
    const first = await db.store.webhookDeliveries.claimDue(10, lease, now);
    expect(new Set(first.map((c) => c.endpoint.id)).size).toBe(3);
    expect(first.every((c) => c.event.data === '{"i":0}')).toBe(true);
    const skipping = await db.store.webhookDeliveries.claimDue(10, lease, now, [endpoint.id]);
    expect(skipping.map((c) => c.event.data)).toEqual(['{"i":1}', '{"i":1}']);
    expect(skipping.some((c) => c.endpoint.id === endpoint.id)).toBe(false);
    expect(await db.store.webhookDeliveries.claimDue(1, lease, now)).toHaveLength(1);
  });

  test("a leased delivery is not claimed again until its lease runs out, and then counts a new attempt", async () => {
    const { now } = await dueDeliveries(1);
    const [first] = await db.store.webhookDeliveries.claimDue(10, { token: "crashed", until: now + 30_000 }, now);
    expect(first?.event.data).toBe('{"i":0}');
    expect(await db.store.webhookDeliveries.claimDue(10, { token: "other", until: now + 60_000 }, now + 29_999)).toEqual([]);
    const [again] = await db.store.webhookDeliveries.claimDue(10, { token: "other", until: now + 60_000 }, now + 30_000);
    expect(again).toMatchObject({ id: first!.id, attempt: 2, leaseToken: "other" });
  });

  test("only the lease holder can record the outcome", async () => {
    const { now } = await dueDeliveries(1);
    const [claimed] = await db.store.webhookDeliveries.claimDue(1, { token: "mine", until: now + 30_000 }, now);
    const result = { status: "delivered" as const, nextAttemptAt: null, statusCode: 204, error: null, deliveredAt: now };
    expect(await db.store.webhookDeliveries.finish(claimed!.id, "stale", result, now)).toBe(false);
    expect(await db.store.webhookDeliveries.finish(claimed!.id, "mine", result, now)).toBe(true);
    expect(await db.store.webhookDeliveries.claimDue(1, { token: "x", until: now + 90_000 }, now + 60_000)).toEqual([]);
  });

  test("deliveries of a disabled endpoint wait, and are not due", async () => {
    const { endpoint, now } = await dueDeliveries(2);
    await db.store.webhookEndpoints.update(endpoint.productId, endpoint.id, { enabled: false }, now);
    expect(await db.store.webhookDeliveries.hasDue(now)).toBe(false);
    expect(await db.store.webhookDeliveries.claimDue(5, { token: "t", until: now + 1 }, now)).toEqual([]);
    await db.store.webhookEndpoints.update(endpoint.productId, endpoint.id, { enabled: true }, now);
    expect(await db.store.webhookDeliveries.hasDue(now)).toBe(true);
  });
});
