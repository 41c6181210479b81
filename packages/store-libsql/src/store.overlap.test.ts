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

  test("a read is not held up by an open transaction", async () => {
    const user = newUser(temp.clock.now());
    await temp.store.users.insert(user);
    let finishTransaction!: () => void;
    const held = new Promise<void>((resolve) => (finishTransaction = resolve));
    const transaction = temp.store.transaction(async (tx) => {
      await tx.users.update(user.id, { name: "Held" }, temp.clock.now());
      await held;
    });
    await pause();
    // The transaction waits for this read: if reads queued behind it, neither would finish.
    expect((await temp.store.users.findById(user.id))?.name).toBeNull();
    finishTransaction();
    await transaction;
    expect((await temp.store.users.findById(user.id))?.name).toBe("Held");
  });
});

describe("a write that waits too long for a transaction of its own process", () => {
  test("fails as SQLite's busy timeout would, and the gate recovers", async () => {
    const temp = await openTempStore({ busyTimeoutMs: 100 });
    try {
      let finishTransaction!: () => void;
      const held = new Promise<void>((resolve) => (finishTransaction = resolve));
      const transaction = temp.store.transaction(async (tx) => {
        await tx.users.insert(newUser(temp.clock.now()));
        await held;
      });
      await pause();
      const write = await temp.store.users.insert(newUser(temp.clock.now())).catch((e: unknown) => e);
      const codes: unknown[] = [];
      for (let e = write as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) codes.push(e.code);
      expect(codes).toContain("SQLITE_BUSY");
      finishTransaction();
      await transaction;
      await temp.store.users.insert(newUser(temp.clock.now()));
      expect(await temp.count("users")).toBe(2);
    } finally {
      temp.close();
    }
  });
});
