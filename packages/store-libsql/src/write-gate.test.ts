import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { BlacklistRecord, Store } from "@geckoguard/core";
import { uuidv7 } from "@geckoguard/core";
import { seedProduct } from "../../core/src/ports/contract/seed.ts";
import { openTempStore } from "./testing/temp-store.ts";

function hwidEntry(productId: string, value: string): BlacklistRecord {
  return { id: uuidv7(), productId, type: "HWID", value, rangeStart: null, rangeEnd: null, reason: null, createdAt: 1 };
}

describe("writes of one process around an open transaction (embedded database)", () => {
  let store: Store;
  let close: () => Promise<void>;
  let productId: string;
  beforeAll(async () => {
    ({ store, close } = await openTempStore());
    ({ productId } = await seedProduct(store));
  });
  afterAll(async () => {
    await close();
  });

  const count = async () => (await store.blacklists.listByProduct(productId, {}, { page: 1, pageSize: 1 })).total;

  test("a write started just before a transaction, and one during it, both succeed", async () => {
    const before = await count();
    const early = store.blacklists.insert(hwidEntry(productId, "early"));
    let during: Promise<void> | undefined;
    await store.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await tx.blacklists.insert(hwidEntry(productId, `tx-${i}`));
      during = store.blacklists.insert(hwidEntry(productId, "during"));
      await tx.blacklists.insert(hwidEntry(productId, "tx-last"));
    });
    await Promise.all([early, during]);
    expect(await count()).toBe(before + 6);
  });

  test("two transactions at once both commit; a failed one keeps nothing and frees the gate", async () => {
    const before = await count();
    const run = (tag: string, fail: boolean) =>
      store.transaction(async (tx) => {
        await tx.blacklists.insert(hwidEntry(productId, `${tag}-1`));
        await tx.blacklists.insert(hwidEntry(productId, `${tag}-2`));
        if (fail) throw new Error("abort");
      });
    const outcomes = await Promise.allSettled([run("a", false), run("b", true), run("c", false)]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await count()).toBe(before + 4);
    await store.blacklists.insert(hwidEntry(productId, "after"));
    expect(await count()).toBe(before + 5);
  });
});
