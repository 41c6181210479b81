import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { newUser, openTempStore, type TempStore } from "./testing/temp-store.ts";

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * Requests of one process overlap: a transaction that awaits between statements must
 * not make another request's transaction or write fail with SQLITE_BUSY.
 */
describe("overlapping work in one process on an embedded file", () => {
  let temp: TempStore;
  beforeAll(async () => {
    temp = await openTempStore();
  });
  afterAll(() => temp.close());

  test("overlapping transactions all commit", async () => {
    const users = Array.from({ length: 4 }, () => newUser(temp.clock.now()));
    const results = await Promise.allSettled(
      users.map((user) =>
        temp.store.transaction(async (tx) => {
          await tx.users.insert(user);
          await pause();
          await tx.mail.send({ to: user.email, subject: "Welcome", text: "…" });
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    expect(await temp.count("users")).toBe(4);
    expect(await temp.count("mail_outbox")).toBe(4);
  });

  test("a write outside any transaction waits for an open one instead of failing", async () => {
    const [inside, outside] = [newUser(temp.clock.now()), newUser(temp.clock.now())];
    const results = await Promise.allSettled([
      temp.store.transaction(async (tx) => {
        await tx.users.insert(inside);
        await pause();
        await tx.users.update(inside.id, { name: "Inside" }, temp.clock.now());
      }),
      (async () => {
        await pause();
        await temp.store.users.insert(outside);
      })(),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect((await temp.store.users.findById(inside.id))?.name).toBe("Inside");
    expect(await temp.store.users.findById(outside.id)).not.toBeNull();
  });

  test("a transaction that rolls back lets the next one in", async () => {
    const failing = temp.store.transaction(async (tx) => {
      await tx.users.insert(newUser(temp.clock.now()));
      await pause();
      throw new Error("rolled back");
    });
    const user = newUser(temp.clock.now());
    const next = temp.store.transaction((tx) => tx.users.insert(user));
    await expect(failing).rejects.toThrow("rolled back");
    await next;
    expect(await temp.store.users.findById(user.id)).not.toBeNull();
  });
});
