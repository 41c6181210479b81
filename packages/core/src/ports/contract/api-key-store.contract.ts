import { beforeEach, describe, expect, test } from "bun:test";
import type { Store } from "../store.ts";
import type { ApiKeyRecord } from "../../records/api-key.ts";
import { uuidv7 } from "../../crypto/uuid.ts";
import { newApiKey } from "../../apikeys/key-format.ts";
import { isGgError } from "../../errors/gg-error.ts";
import { seedProduct, useStore, type StoreFactory } from "./seed.ts";

function keyRecord(productId: string, now: number, name = "key"): ApiKeyRecord {
  const { prefix, secretHash } = newApiKey();
  return {
    id: uuidv7(now),
    productId,
    name,
    prefix,
    secretHash,
    permissions: ["license:read"],
    lastUsedAt: null,
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The ApiKeyStore contract; each adapter's test file calls this with its factory. */
export function describeApiKeyStoreContract(adapter: string, open: StoreFactory): void {
  describe(`ApiKeyStore contract (${adapter})`, () => {
    const storeOf = useStore(open);
    let store: Store;
    beforeEach(() => {
      store = storeOf();
    });

    test("insert, then find by prefix (with the org) and by id (with the caller's role)", async () => {
      const { productId, orgId, userId } = await seedProduct(store);
      const stranger = await seedProduct(store);
      const key = keyRecord(productId, 1_000);
      await store.apiKeys.insert(key);
      expect(await store.apiKeys.findByPrefix(key.prefix)).toEqual({ ...key, orgId });
      expect(await store.apiKeys.findAccess(key.id, userId)).toEqual({ apiKey: key, orgId, role: "owner" });
      expect(await store.apiKeys.findAccess(key.id, stranger.userId)).toEqual({ apiKey: key, orgId, role: null });
      expect(await store.apiKeys.findByPrefix("zzzzzzzzzzzz")).toBeNull();
      expect(await store.apiKeys.findAccess(uuidv7(), userId)).toBeNull();
    });

    test("a duplicate prefix is CONFLICT", async () => {
      const { productId } = await seedProduct(store);
      const key = keyRecord(productId, 1_000);
      await store.apiKeys.insert(key);
      const error = await store.apiKeys.insert({ ...keyRecord(productId, 1_001), prefix: key.prefix }).catch((e: unknown) => e);
      expect(isGgError(error) && error.code).toBe("CONFLICT");
    });

    test("listByProduct pages newest first, counts, and never shows another product's keys", async () => {
      const { productId } = await seedProduct(store);
      const other = await seedProduct(store);
      const keys = [1, 2, 3, 4, 5].map((i) => keyRecord(productId, 10_000 + i, `k${i}`));
      for (const key of keys) await store.apiKeys.insert(key);
      await store.apiKeys.insert(keyRecord(other.productId, 20_000));
      const first = await store.apiKeys.listByProduct(productId, { page: 1, pageSize: 2 });
      expect(first.total).toBe(5);
      expect(first.items.map((k) => k.name)).toEqual(["k5", "k4"]);
      const last = await store.apiKeys.listByProduct(productId, { page: 3, pageSize: 2 });
      expect(last.items.map((k) => k.name)).toEqual(["k1"]);
      expect((await store.apiKeys.listByProduct(productId, { page: 4, pageSize: 2 })).items).toEqual([]);
    });

    test("every write is scoped by product: the wrong product changes nothing", async () => {
      const { productId } = await seedProduct(store);
      const other = await seedProduct(store);
      const key = keyRecord(productId, 1_000);
      await store.apiKeys.insert(key);
      const fresh = newApiKey();
      expect(await store.apiKeys.update(other.productId, key.id, { name: "x" }, 2_000)).toBe(false);
      expect(await store.apiKeys.rotate(other.productId, key.id, fresh.prefix, fresh.secretHash, 2_000)).toBe(false);
      expect(await store.apiKeys.revoke(other.productId, key.id, 2_000)).toBe(false);
      expect(await store.apiKeys.delete(other.productId, key.id)).toBe(false);
      expect((await store.apiKeys.findByPrefix(key.prefix))?.name).toBe("key");
      expect((await store.apiKeys.findByPrefix(key.prefix))?.revokedAt).toBeNull();
    });

    test("update changes name and permissions", async () => {
      const { productId } = await seedProduct(store);
      const key = keyRecord(productId, 1_000);
      await store.apiKeys.insert(key);
      expect(await store.apiKeys.update(productId, key.id, { name: "renamed", permissions: ["blacklist:read"] }, 2_000)).toBe(true);
      expect(await store.apiKeys.findByPrefix(key.prefix)).toMatchObject({ name: "renamed", permissions: ["blacklist:read"], updatedAt: 2_000 });
    });

    test("rotate: the old prefix finds nothing as soon as rotate returns; a revoked key is not rotated", async () => {
      const { productId } = await seedProduct(store);
      const key = keyRecord(productId, 1_000);
      await store.apiKeys.insert(key);
      const fresh = newApiKey();
      expect(await store.apiKeys.rotate(productId, key.id, fresh.prefix, fresh.secretHash, 2_000)).toBe(true);
      expect(await store.apiKeys.findByPrefix(key.prefix)).toBeNull();
      expect(await store.apiKeys.findByPrefix(fresh.prefix)).toMatchObject({ id: key.id, secretHash: fresh.secretHash });

      await store.apiKeys.revoke(productId, key.id, 3_000);
      const again = newApiKey();
      expect(await store.apiKeys.rotate(productId, key.id, again.prefix, again.secretHash, 4_000)).toBe(false);
      expect(await store.apiKeys.findByPrefix(again.prefix)).toBeNull();
    });

    test("two concurrent rotations: exactly one new secret survives", async () => {
      const { productId } = await seedProduct(store);
      const key = keyRecord(productId, 1_000);
      await store.apiKeys.insert(key);
      const a = newApiKey();
      const b = newApiKey();
      await Promise.all([
        store.apiKeys.rotate(productId, key.id, a.prefix, a.secretHash, 2_000),
        store.apiKeys.rotate(productId, key.id, b.prefix, b.secretHash, 2_000),
      ]);
      const found = [await store.apiKeys.findByPrefix(a.prefix), await store.apiKeys.findByPrefix(b.prefix)];
      expect(found.filter((r) => r !== null)).toHaveLength(1);
      expect(await store.apiKeys.findByPrefix(key.prefix)).toBeNull();
    });

    test("revoke keeps the first revocation time; delete removes the key", async () => {
      const { productId } = await seedProduct(store);
      const key = keyRecord(productId, 1_000);
      await store.apiKeys.insert(key);
      expect(await store.apiKeys.revoke(productId, key.id, 2_000)).toBe(true);
      expect(await store.apiKeys.revoke(productId, key.id, 3_000)).toBe(true);
      expect((await store.apiKeys.findByPrefix(key.prefix))?.revokedAt).toBe(2_000);
      expect(await store.apiKeys.delete(productId, key.id)).toBe(true);
      expect(await store.apiKeys.findByPrefix(key.prefix)).toBeNull();
      expect(await store.apiKeys.delete(productId, key.id)).toBe(false);
    });

    test("touch stamps lastUsedAt", async () => {
      const { productId } = await seedProduct(store);
      const key = keyRecord(productId, 1_000);
      await store.apiKeys.insert(key);
      await store.apiKeys.touch(key.id, 5_000);
      expect((await store.apiKeys.findByPrefix(key.prefix))?.lastUsedAt).toBe(5_000);
    });
  });
}
