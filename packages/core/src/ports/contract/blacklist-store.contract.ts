import { beforeEach, describe, expect, test } from "bun:test";
import type { Store } from "../store.ts";
import type { BlacklistRecord } from "../../records/blacklist.ts";
import { uuidv7 } from "../../crypto/uuid.ts";
import { isGgError } from "../../errors/gg-error.ts";
import { ipToHex } from "../../blacklists/ip-address.ts";
import { normalizeBlacklistEntry, type BlacklistEntryInput } from "../../blacklists/normalize-entry.ts";
import { seedProduct, useStore, type StoreFactory } from "./seed.ts";

function entry(productId: string, input: BlacklistEntryInput, now = 1_000): BlacklistRecord {
  const normalized = normalizeBlacklistEntry(input);
  if (!normalized.ok) throw new Error(normalized.reason);
  return { id: uuidv7(now), productId, createdAt: now, ...normalized.entry };
}
const ip = (productId: string, value: string) => entry(productId, { type: "IP", value });
const hwid = (productId: string, value: string) => entry(productId, { type: "HWID", value });

/** The BlacklistStore contract; each adapter's test file calls this with its factory. */
export function describeBlacklistStoreContract(adapter: string, open: StoreFactory): void {
  describe(`BlacklistStore contract (${adapter})`, () => {
    const storeOf = useStore(open);
    let store: Store;
    beforeEach(() => {
      store = storeOf();
    });
    const countOf = async (productId: string) => (await store.blacklists.listByProduct(productId, {}, { page: 1, pageSize: 1 })).total;

    test("the same (type, value) twice is CONFLICT; another type or another product may list it", async () => {
      const { productId } = await seedProduct(store);
      const other = await seedProduct(store);
      await store.blacklists.insert(hwid(productId, "1.2.3.4"));
      const error = await store.blacklists.insert(hwid(productId, "1.2.3.4")).catch((e: unknown) => e);
      expect(isGgError(error) && error.code).toBe("CONFLICT");
      await store.blacklists.insert(ip(productId, "1.2.3.4"));
      await store.blacklists.insert(hwid(other.productId, "1.2.3.4"));
      expect(await countOf(productId)).toBe(2);
      expect(await countOf(other.productId)).toBe(1);
    });

    test("insertMany writes all entries in one go", async () => {
      const { productId } = await seedProduct(store);
      const batch = Array.from({ length: 1000 }, (_, i) => hwid(productId, `HW-${i}`));
      expect(await store.blacklists.insertMany(batch)).toEqual({ alreadyListed: [] });
      expect(await countOf(productId)).toBe(1000);
    });

    test("insertMany with one entry already listed writes nothing and names it", async () => {
      const { productId } = await seedProduct(store);
      await store.blacklists.insert(ip(productId, "10.0.0.0/8"));
      const batch = [hwid(productId, "A"), ip(productId, "10.0.0.0/8"), ip(productId, "1.2.3.4")];
      expect(await store.blacklists.insertMany(batch)).toEqual({ alreadyListed: [1] });
      expect(await countOf(productId)).toBe(1);
    });

    test("two concurrent overlapping batches: one is written whole, the other not at all", async () => {
      const { productId } = await seedProduct(store);
      const first = [hwid(productId, "X-1"), hwid(productId, "SHARED"), hwid(productId, "X-2")];
      const second = [hwid(productId, "Y-1"), hwid(productId, "SHARED"), hwid(productId, "Y-2")];
      const outcomes = await Promise.all(
        [first, second].map((batch) =>
          store.blacklists.insertMany(batch).then(
            (r) => (r.alreadyListed.length === 0 ? "written" : "refused"),
            (e: unknown) => (isGgError(e) && e.code === "CONFLICT" ? "refused" : "error"),
          ),
        ),
      );
      expect(outcomes.sort()).toEqual(["refused", "written"]);
      const values = (await store.blacklists.listByProduct(productId, {}, { page: 1, pageSize: 10 })).items.map((e) => e.value).sort();
      expect([["SHARED", "X-1", "X-2"], ["SHARED", "Y-1", "Y-2"]]).toContainEqual(values);
    });

    test("a bulk add does not hold up a concurrent single write", async () => {
      const { productId } = await seedProduct(store);
      const batch = Array.from({ length: 500 }, (_, i) => hwid(productId, `B-${i}`));
      const results = await Promise.allSettled([store.blacklists.insertMany(batch), store.blacklists.insert(ip(productId, "9.9.9.9"))]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
      expect(await countOf(productId)).toBe(501);
    });

    test("inside a caller's transaction that fails, nothing of the batch is kept", async () => {
      const { productId } = await seedProduct(store);
      const failed = await store
        .transaction(async (tx) => {
          await tx.blacklists.insertMany([hwid(productId, "T-1"), hwid(productId, "T-2")]);
          throw new Error("abort");
        })
        .catch((e: unknown) => e);
      expect((failed as Error).message).toBe("abort");
      expect(await countOf(productId)).toBe(0);
    });

    test("listByProduct: newest first, type filter, paging, tenancy", async () => {
      const { productId } = await seedProduct(store);
      const other = await seedProduct(store);
      await store.blacklists.insert(entry(productId, { type: "HWID", value: "H1" }, 1_001));
      await store.blacklists.insert(entry(productId, { type: "IP", value: "1.1.1.1" }, 1_002));
      await store.blacklists.insert(entry(productId, { type: "HWID", value: "H2" }, 1_003));
      await store.blacklists.insert(hwid(other.productId, "H3"));
      const all = await store.blacklists.listByProduct(productId, {}, { page: 1, pageSize: 10 });
      expect(all.items.map((e) => e.value)).toEqual(["H2", "1.1.1.1", "H1"]);
      const hwids = await store.blacklists.listByProduct(productId, { type: "HWID" }, { page: 2, pageSize: 1 });
      expect(hwids).toMatchObject({ total: 2, items: [{ value: "H1" }] });
      expect((await store.blacklists.listByProduct(productId, { type: "IP" }, { page: 1, pageSize: 10 })).total).toBe(1);
    });

    test("find and delete are scoped by product", async () => {
      const { productId } = await seedProduct(store);
      const other = await seedProduct(store);
      const e = hwid(productId, "H");
      await store.blacklists.insert(e);
      expect(await store.blacklists.find(other.productId, e.id)).toBeNull();
      expect(await store.blacklists.find(productId, e.id)).toEqual(e);
      expect(await store.blacklists.delete(other.productId, e.id)).toBe(false);
      expect(await store.blacklists.delete(productId, e.id)).toBe(true);
      expect(await store.blacklists.delete(productId, e.id)).toBe(false);
    });

    test("findMatch: exact HWID, covering IP ranges (v4, mapped, v6), HWID first, own product only", async () => {
      const { productId } = await seedProduct(store);
      const other = await seedProduct(store);
      await store.blacklists.insertMany([
        hwid(productId, "Bad-Machine"),
        ip(productId, "10.0.0.0/8"),
        ip(productId, "10.1.0.0/16"),
        ip(productId, "2001:db8::/32"),
        ip(productId, "192.168.1.1"),
      ]);
      await store.blacklists.insert(ip(other.productId, "8.8.8.8"));
      const match = (probe: { hwid?: string; ip?: string }) =>
        store.blacklists.findMatch(productId, {
          ...(probe.hwid !== undefined ? { hwid: probe.hwid } : {}),
          ...(probe.ip !== undefined ? { ipHex: ipToHex(probe.ip)! } : {}),
        });
      expect((await match({ hwid: "Bad-Machine" }))?.type).toBe("HWID");
      expect(await match({ hwid: "bad-machine" })).toBeNull();
      expect((await match({ ip: "10.1.2.3" }))?.value).toMatch(/^10\./);
      expect((await match({ ip: "::ffff:10.200.0.1" }))?.value).toBe("10.0.0.0/8");
      expect((await match({ ip: "2001:db8:5::1" }))?.value).toBe("2001:db8::/32");
      expect((await match({ ip: "192.168.1.1" }))?.value).toBe("192.168.1.1");
      expect(await match({ ip: "192.168.1.2" })).toBeNull();
      expect(await match({ ip: "11.0.0.0" })).toBeNull();
      expect(await match({ ip: "8.8.8.8" })).toBeNull();
      expect((await match({ hwid: "Bad-Machine", ip: "10.0.0.1" }))?.type).toBe("HWID");
      expect((await match({ hwid: "fine", ip: "10.0.0.1" }))?.type).toBe("IP");
      expect(await match({})).toBeNull();
    });
  });
}
