import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Store } from "@geckoguard/core";
import { newUser, openTempStore, type TempStore } from "./testing/temp-store.ts";

const N = 10;

describe("users.insertIfFirst: the guarded write behind GG_REGISTRATION=first", () => {
  let temp: TempStore;
  let stores: Store[];
  beforeAll(async () => {
    temp = await openTempStore();
    stores = [temp.store, await temp.openAnother(), await temp.openAnother()];
  });
  afterAll(() => temp.close());

  test("of N concurrent first accounts on three connections exactly one is written, with every field", async () => {
    expect(await temp.store.users.anyExists()).toBe(false);
    const candidates = Array.from({ length: N }, () => newUser(temp.clock.now()));
    const won = await Promise.all(candidates.map((user, i) => stores[i % stores.length]!.users.insertIfFirst(user)));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await temp.count("users")).toBe(1);
    const winner = candidates[won.indexOf(true)]!;
    expect(await temp.store.users.findById(winner.id)).toEqual(winner);
    expect(await temp.store.users.anyExists()).toBe(true);
  });

  test("once an account exists nothing more is written, not even with a new email, and a taken email is no conflict", async () => {
    const existing = (await temp.database.client.execute("SELECT email FROM users")).rows[0]!.email as string;
    expect(await temp.store.users.insertIfFirst(newUser(temp.clock.now()))).toBe(false);
    expect(await temp.store.users.insertIfFirst({ ...newUser(temp.clock.now()), email: existing })).toBe(false);
    expect(await temp.count("users")).toBe(1);
  });
});
