import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { chainEntries, recordAudit, recordAudits, systemOrigin, uuidv7, type AuditChange, type ChangeOrigin } from "@geckoguard/core";
import { newUser, openTempStore, type TempStore } from "../../testing/temp-store.ts";

describe("the audit log on libSQL", () => {
  let temp: TempStore;
  let orgId: string;
  let origin: ChangeOrigin;
  const change = (id: string, action = "product.updated"): AuditChange => ({
    action,
    resource: { type: "product", id },
    orgId,
    productId: null,
    changes: { name: ["old", "new"] },
  });

  beforeEach(async () => {
    temp = await openTempStore();
    const now = temp.clock.now();
    const owner = newUser(now, "owner@example.com");
    await temp.store.users.insert(owner);
    orgId = uuidv7(now);
    await temp.store.orgs.insertWithOwner({ id: orgId, name: "Org", createdAt: now, updatedAt: now }, owner.id);
    origin = { actor: { type: "user", id: owner.id, label: null }, ip: "127.0.0.1", requestId: "req-1" };
  });
  afterEach(() => temp.close());

  test("entries recorded in transactions read back chained, gapless, with the user's email as label", async () => {
    const now = temp.clock.now();
    await temp.store.transaction((tx) => recordAudit(tx, origin, change("p1"), now));
    await temp.store.transaction((tx) => recordAudits(tx, origin, [change("p2"), change("p3")], now));
    const entries = await temp.store.auditLog.listAfter(orgId, {}, 0, 10);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe("0".repeat(64));
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(entries[0]!.actor).toEqual({ type: "user", id: origin.actor.id, label: "owner@example.com" });
    expect(entries[0]).toMatchObject({ ip: "127.0.0.1", requestId: "req-1", at: new Date(now).toISOString(), changes: { name: ["old", "new"] } });
    expect(await temp.store.auditLog.head(orgId)).toEqual({ seq: 3, hash: entries[2]!.hash });
  });

  test("a change that rolls back leaves no entry, and the next entry takes the seq it would have had", async () => {
    const now = temp.clock.now();
    const crash = new Error("the change failed after its entry was written");
    const attempt = temp.store.transaction(async (tx) => {
      await recordAudit(tx, origin, change("p1"), now);
      throw crash;
    });
    await expect(attempt).rejects.toBe(crash);
    expect(await temp.count("audit_log")).toBe(0);
    await temp.store.transaction((tx) => recordAudit(tx, systemOrigin("cli", "req-2"), change("p1"), now));
    expect((await temp.store.auditLog.listAfter(orgId, {}, 0, 10)).map((e) => [e.seq, e.actor.label])).toEqual([[1, "cli"]]);
  });

  test("an entry with a seq the org already holds is refused (no fork), and nothing of it is kept", async () => {
    const now = temp.clock.now();
    await temp.store.transaction((tx) => recordAudit(tx, origin, change("p1"), now));
    const [fork] = chainEntries(null, [{ ...(await temp.store.auditLog.listAfter(orgId, {}, 0, 1))[0]!, id: uuidv7(now) }]);
    await expect(temp.store.auditLog.append([fork!])).rejects.toThrow();
    expect(await temp.count("audit_log")).toBe(1);
  });

  test("list: newest first with every filter; an org's deletion removes its log", async () => {
    const now = temp.clock.now();
    await temp.store.transaction((tx) => recordAudits(tx, origin, [change("p1"), change("p2", "product.deleted")], now));
    temp.clock.advance(3_600_000);
    await temp.store.transaction((tx) => recordAudit(tx, systemOrigin("cli", "req-2"), change("p1", "product.deleted"), temp.clock.now()));
    const seqs = async (filter: object) => (await temp.store.auditLog.list(orgId, filter, { page: 1, pageSize: 50 })).items.map((e) => e.seq);
    expect(await seqs({})).toEqual([3, 2, 1]);
    expect(await seqs({ action: "product.deleted" })).toEqual([3, 2]);
    expect(await seqs({ resourceId: "p1" })).toEqual([3, 1]);
    expect(await seqs({ resourceType: "license" })).toEqual([]);
    expect(await seqs({ actorId: "cli" })).toEqual([3]);
    expect(await seqs({ from: now + 1 })).toEqual([3]);
    expect(await seqs({ to: now })).toEqual([2, 1]);
    expect((await temp.store.auditLog.list(orgId, {}, { page: 2, pageSize: 2 })).items.map((e) => e.seq)).toEqual([1]);
    expect((await temp.store.auditLog.list(orgId, {}, { page: 1, pageSize: 2 })).total).toBe(3);
    await temp.store.orgs.delete(orgId);
    expect(await temp.count("audit_log")).toBe(0);
  });
});
