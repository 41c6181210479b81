import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { RateLimitStore } from "../rate-limit.ts";
import { decide, type BucketState, type RateLimit } from "../../ratelimit/gcra.ts";

/** What an adapter's test file hands the contract suite. */
export interface RateLimitStoreHandle {
  /** Two handles on ONE state: the same object in-process, two connections for a database. */
  stores: [RateLimitStore, RateLimitStore];
  /** Durable adapters: a handle opened afresh on the same data, as after a restart. */
  reopen?: () => Promise<RateLimitStore>;
  close(): void | Promise<void>;
}

const T0 = 1_800_000_000_000;
const perMinute = (limit: number): RateLimit => ({ limit, periodMs: 60_000 });
let bucketCounter = 0;
const freshKey = () => `contract:${Date.now()}:${bucketCounter++}`;

/**
 * The behaviour every RateLimitStore must show (docs/rate-limits-and-idempotency.md#rate-limits); run once per adapter.
 * `durable` adapters (shared on a database) must also keep their state across a reopen.
 */
export function describeRateLimitStoreContract(adapter: string, open: () => Promise<RateLimitStoreHandle>, durable = false): void {
  describe(`RateLimitStore contract: ${adapter}`, () => {
    let handle: RateLimitStoreHandle;
    let store: RateLimitStore;
    beforeAll(async () => {
      handle = await open();
      store = handle.stores[0];
    });
    afterAll(() => handle.close());

    test("decides exactly as the pure GCRA step, through bursts, boundary instants and a clock going back", async () => {
      const limit = perMinute(3);
      const key = freshKey();
      const times = [T0, T0, T0, T0, T0 + 19_999, T0 + 20_000, T0 + 20_000, T0 - 30_000, T0 + 40_000, T0 + 200_000, T0 + 200_000];
      let state: BucketState | null = null;
      for (const now of times) {
        const expected = decide(state, limit, now);
        state = expected.newState;
        expect(await store.consume(key, limit, now)).toEqual(expected);
      }
    });

    test("buckets are independent", async () => {
      const [a, b] = [freshKey(), freshKey()];
      expect((await store.consume(a, perMinute(1), T0)).allowed).toBe(true);
      expect((await store.consume(a, perMinute(1), T0)).allowed).toBe(false);
      expect((await store.consume(b, perMinute(1), T0)).allowed).toBe(true);
    });

    test("many concurrent consumes through both handles allow exactly the limit", async () => {
      const key = freshKey();
      const limit = perMinute(7);
      const attempts = Array.from({ length: 40 }, (_, i) => handle.stores[i % 2]!.consume(key, limit, T0));
      const decisions = await Promise.all(attempts);
      expect(decisions.filter((d) => d.allowed)).toHaveLength(7);
      expect(decisions.filter((d) => d.allowed).map((d) => d.remaining).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    });

    test("purgeIdle drops only buckets that are full again, and a dropped bucket starts full", async () => {
      const [idle, draining] = [freshKey(), freshKey()];
      await store.consume(idle, perMinute(60), T0); // full again one second later
      await store.consume(draining, perMinute(1), T0); // empty until T0 + 60 s
      expect(await store.purgeIdle(T0 + 30_000)).toBeGreaterThanOrEqual(1);
      expect((await store.consume(draining, perMinute(1), T0 + 30_000)).allowed).toBe(false);
      expect((await store.consume(idle, perMinute(60), T0 + 30_000)).remaining).toBe(59);
    });

    if (durable) {
      test("an emptied bucket is still empty after the store is opened again", async () => {
        const key = freshKey();
        for (let i = 0; i < 2; i++) await store.consume(key, perMinute(2), T0);
        const reopened = await handle.reopen!();
        expect((await reopened.consume(key, perMinute(2), T0 + 1_000)).allowed).toBe(false);
        expect((await reopened.consume(key, perMinute(2), T0 + 30_000)).allowed).toBe(true);
      });
    }
  });
}
