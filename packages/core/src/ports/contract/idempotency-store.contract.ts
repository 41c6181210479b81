import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { IdempotencyRecordId, IdempotencyStore } from "../idempotency.ts";

/** What an adapter's test file hands the contract suite. */
export interface IdempotencyStoreHandle {
  /** Two handles on ONE state: the same object in-process, two connections for a database. */
  stores: [IdempotencyStore, IdempotencyStore];
  /** Durable adapters: a handle opened afresh on the same data, as after a restart. */
  reopen?: () => Promise<IdempotencyStore>;
  close(): void | Promise<void>;
}

const T0 = 1_800_000_000_000;
const DAY = 86_400_000;
let counter = 0;
const freshId = (scope = "user:contract"): IdempotencyRecordId => ({ scope, key: `key-${Date.now()}-${counter++}` });
const claim = (claimId: string, fingerprint = "f".repeat(64), leaseUntilMs = T0 + 60_000) => ({ fingerprint, claimId, leaseUntilMs });
const answer = { status: 201, body: { ok: true, data: { org: { id: "0198-x", name: "Ünïcode ✓", tags: [1, null, "a"] } } } };

/**
 * The behaviour every IdempotencyStore must show (docs/rate-limits-and-idempotency.md#idempotency-keys); run once per adapter.
 * `durable` adapters (shared on a database) must also keep records across a reopen.
 */
export function describeIdempotencyStoreContract(adapter: string, open: () => Promise<IdempotencyStoreHandle>, durable = false): void {
  describe(`IdempotencyStore contract: ${adapter}`, () => {
    let handle: IdempotencyStoreHandle;
    let store: IdempotencyStore;
    beforeAll(async () => {
      handle = await open();
      store = handle.stores[0];
    });
    afterAll(() => handle.close());

    test("the first begin claims; later ones see the request in progress, then its stored answer", async () => {
      const id = freshId();
      expect(await store.begin(id, claim("c1", "a".repeat(64)), T0)).toEqual({ state: "claimed" });
      expect(await store.begin(id, claim("c2"), T0 + 1)).toEqual({ state: "in_progress", fingerprint: "a".repeat(64) });
      await store.complete(id, "c1", answer, T0 + DAY);
      expect(await store.begin(id, claim("c3"), T0 + 2)).toEqual({ state: "completed", fingerprint: "a".repeat(64), response: answer });
    });

    test("a released key can be claimed again; a foreign claim id neither completes nor releases", async () => {
      const id = freshId();
      await store.begin(id, claim("mine"), T0);
      await store.complete(id, "other", answer, T0 + DAY);
      await store.release(id, "other");
      expect((await store.begin(id, claim("x"), T0)).state).toBe("in_progress");
      await store.release(id, "mine");
      expect(await store.begin(id, claim("again"), T0)).toEqual({ state: "claimed" });
    });

    test("a completed record is not released, and scopes are independent", async () => {
      const id = freshId();
      await store.begin(id, claim("c"), T0);
      await store.complete(id, "c", answer, T0 + DAY);
      await store.release(id, "c");
      expect((await store.begin(id, claim("d"), T0)).state).toBe("completed");
      expect(await store.begin({ scope: "user:someone-else", key: id.key }, claim("e"), T0)).toEqual({ state: "claimed" });
    });

    test("records end with their time: retention for answers, the lease for a request that never finished", async () => {
      const done = freshId();
      await store.begin(done, claim("c"), T0);
      await store.complete(done, "c", answer, T0 + DAY);
      expect((await store.begin(done, claim("d"), T0 + DAY - 1)).state).toBe("completed");
      expect(await store.begin(done, claim("e"), T0 + DAY)).toEqual({ state: "claimed" });

      const stuck = freshId();
      await store.begin(stuck, claim("crashed", "a".repeat(64), T0 + 60_000), T0);
      expect(await store.begin(stuck, claim("takeover", "b".repeat(64), T0 + 120_000), T0 + 60_000)).toEqual({ state: "claimed" });
      await store.complete(stuck, "crashed", answer, T0 + DAY);
      expect(await store.begin(stuck, claim("third"), T0 + 60_001)).toEqual({ state: "in_progress", fingerprint: "b".repeat(64) });
    });

    test("purgeExpired deletes the records whose time is up and keeps the others", async () => {
      const [old, live] = [freshId("user:purge"), freshId("user:purge")];
      await store.begin(old, claim("o"), T0);
      await store.complete(old, "o", answer, T0 + 10);
      await store.begin(live, claim("l"), T0);
      await store.complete(live, "l", answer, T0 + DAY);
      expect(await store.purgeExpired(T0 + 10)).toBeGreaterThanOrEqual(1);
      expect((await store.begin(live, claim("m"), T0 + 11)).state).toBe("completed");
      expect(await store.begin(old, claim("n"), T0 + 11)).toEqual({ state: "claimed" });
    });

    test("of many concurrent begins on one key through both handles, exactly one claims it", async () => {
      const id = freshId();
      const begins = Array.from({ length: 24 }, (_, i) => handle.stores[i % 2]!.begin(id, claim(`c${i}`), T0));
      const results = await Promise.all(begins);
      expect(results.filter((r) => r.state === "claimed")).toHaveLength(1);
      expect(results.filter((r) => r.state === "in_progress")).toHaveLength(23);
    });

    if (durable) {
      test("answers and in-progress claims survive opening the store again", async () => {
        const [done, running] = [freshId(), freshId()];
        await store.begin(done, claim("c"), T0);
        await store.complete(done, "c", answer, T0 + DAY);
        await store.begin(running, claim("r"), T0);
        const reopened = await handle.reopen!();
        expect(await reopened.begin(done, claim("d"), T0 + 1)).toEqual({ state: "completed", fingerprint: "f".repeat(64), response: answer });
        expect((await reopened.begin(running, claim("s"), T0 + 1)).state).toBe("in_progress");
      });
    }
  });
}
