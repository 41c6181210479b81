import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { NonceStore } from "../authorize.ts";

export interface NonceStoreHandle {
  /** Two views of one store (two processes on one database, or the same object twice). */
  stores: [NonceStore, NonceStore];
  close(): void | Promise<void>;
}

const T = Date.UTC(2026, 10, 27, 12);

/** The NonceStore guarantees, run against every adapter. */
export function describeNonceStoreContract(adapter: string, open: () => Promise<NonceStoreHandle>): void {
  describe(`NonceStore contract: ${adapter}`, () => {
    let handle: NonceStoreHandle;
    beforeAll(async () => {
      handle = await open();
    });
    afterAll(async () => {
      await handle.close();
    });

    test("a nonce is accepted once per scope while remembered, then again after it expires", async () => {
      const [store] = handle.stores;
      expect(await store.consume("key-1", "nonce-aaaaaaaaaaaa", T + 600_000, T)).toBe(true);
      expect(await store.consume("key-1", "nonce-aaaaaaaaaaaa", T + 600_000, T + 1)).toBe(false);
      expect(await store.consume("key-2", "nonce-aaaaaaaaaaaa", T + 600_000, T + 1)).toBe(true);
      expect(await store.consume("key-1", "nonce-aaaaaaaaaaaa", T + 600_000, T + 599_999)).toBe(false);
      expect(await store.consume("key-1", "nonce-aaaaaaaaaaaa", T + 1_200_000, T + 600_000)).toBe(true);
    });

    test("of 50 concurrent consumers of one nonce, across both views, exactly one wins", async () => {
      const [a, b] = handle.stores;
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).consume("key-race", "nonce-race-0000000", T + 600_000, T)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
