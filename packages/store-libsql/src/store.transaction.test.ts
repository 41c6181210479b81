import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { GgError, DEFAULT_POLICY, uuidv7 } from "@geckoguard/core";
import { newUser, openTempStore, type TempStore } from "./testing/temp-store.ts";

describe("store transactions and constraints", () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openTempStore();
  });
  afterEach(() => temp.close());

  test("a transaction that throws after inserting a user leaves no user and no mail", async () => {
    const user = newUser(temp.clock.now());
    const crash = new Error("crash after the insert");
    const attempt = temp.store.transaction(async (tx) => {
      await tx.users.insert(user);
      await tx.mail.send({ to: user.email, subject: "Welcome", text: "…" });
      throw crash;
    });
    await expect(attempt).rejects.toBe(crash);
    expect(await temp.store.users.findByEmail(user.email)).toBeNull();
    expect(await temp.count("users")).toBe(0);
    expect(await temp.count("mail_outbox")).toBe(0);
  });

  test("a duplicate email throws GgError CONFLICT, inside a transaction or not", async () => {
    const now = temp.clock.now();
    await temp.store.users.insert(newUser(now, "taken@example.com"));
    const outside = await temp.store.users.insert(newUser(now, "taken@example.com")).catch((e: unknown) => e);
    expect(outside).toBeInstanceOf(GgError);
    expect((outside as GgError).code).toBe("CONFLICT");
    const inside = await temp.store
      .transaction((tx) => tx.users.insert(newUser(now, "taken@example.com")))
      .catch((e: unknown) => e);
    expect((inside as GgError).code).toBe("CONFLICT");
    expect(await temp.count("users")).toBe(1);
  });

  test("deleting an org takes its products and members, also inside a transaction", async () => {
    const now = temp.clock.now();
    const owner = newUser(now);
    await temp.store.users.insert(owner);
    const orgIds = [uuidv7(now), uuidv7(now)];
    for (const id of orgIds) {
      await temp.store.orgs.insertWithOwner({ id, name: "Org", createdAt: now, updatedAt: now }, owner.id);
      const product = { id: uuidv7(now), orgId: id, name: "P", policy: DEFAULT_POLICY, publicKey: "public", createdAt: now, updatedAt: now };
      await temp.store.products.insert(product, "private");
    }
    await temp.store.orgs.delete(orgIds[0]!);
    expect(await temp.count("products")).toBe(1);
    await temp.store.transaction((tx) => tx.orgs.delete(orgIds[1]!));
    expect(await temp.count("products")).toBe(0);
    expect(await temp.count("org_members")).toBe(0);
    expect(await temp.count("orgs")).toBe(0);
  });

  test("adding an existing member again throws GgError CONFLICT", async () => {
    const now = temp.clock.now();
    const owner = newUser(now);
    await temp.store.users.insert(owner);
    const orgId = uuidv7(now);
    await temp.store.orgs.insertWithOwner({ id: orgId, name: "Org", createdAt: now, updatedAt: now }, owner.id);
    const again = await temp.store.members.insert(orgId, owner.id, "viewer", now).catch((e: unknown) => e);
    expect((again as GgError).code).toBe("CONFLICT");
    expect((await temp.store.members.find(orgId, owner.id))?.role).toBe("owner");
  });
});
