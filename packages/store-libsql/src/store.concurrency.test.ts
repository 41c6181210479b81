import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { sha256Hex, uuidv7, type Store, type UserRecord } from "@geckoguard/core";
import { newUser, openTempStore, type TempStore } from "./testing/temp-store.ts";

const N = 10;

/** How many of N calls made at once answered true. */
async function winners(calls: (() => Promise<boolean>)[]): Promise<number> {
  return (await Promise.all(calls.map((call) => call()))).filter(Boolean).length;
}

/** Half the calls on one connection, half on others (as several server processes would). */
function spread(stores: Store[], call: (store: Store) => Promise<boolean>): (() => Promise<boolean>)[] {
  return Array.from({ length: N }, (_, i) => () => call(stores[i % stores.length]!));
}

describe("guarded writes: of N concurrent callers with the same arguments exactly one wins", () => {
  let temp: TempStore;
  let stores: Store[];
  let user: UserRecord;
  beforeAll(async () => {
    temp = await openTempStore();
    stores = [temp.store, await temp.openAnother(), await temp.openAnother()];
    user = newUser(temp.clock.now());
    await temp.store.users.insert(user);
  });
  afterAll(() => temp.close());

  test("refreshTokens.markRotated", async () => {
    const now = temp.clock.now();
    const id = uuidv7(now);
    await temp.store.refreshTokens.insert({
      id,
      userId: user.id,
      familyId: uuidv7(now),
      tokenHash: sha256Hex(id),
      expiresAt: now + 60_000,
      rotatedAt: null,
      revokedAt: null,
      createdAt: now,
    });
    expect(await winners(spread(stores, (s) => s.refreshTokens.markRotated(id, now)))).toBe(1);
    expect(await temp.store.refreshTokens.markRotated(id, now + 1)).toBe(false);
  });

  test("refreshTokens.markRotated loses to a revocation", async () => {
    const now = temp.clock.now();
    const [id, familyId] = [uuidv7(now), uuidv7(now)];
    await temp.store.refreshTokens.insert({
      id, userId: user.id, familyId, tokenHash: sha256Hex(id), expiresAt: now + 60_000, rotatedAt: null, revokedAt: null, createdAt: now,
    });
    await temp.store.refreshTokens.revokeFamily(familyId, now);
    expect(await temp.store.refreshTokens.markRotated(id, now)).toBe(false);
  });

  test("oneTimeTokens.consume", async () => {
    const now = temp.clock.now();
    const id = uuidv7(now);
    await temp.store.oneTimeTokens.insert({
      id, userId: user.id, purpose: "reset_password", tokenHash: sha256Hex(id), expiresAt: now + 60_000, usedAt: null, failedAttempts: 0, createdAt: now,
    });
    expect(await winners(spread(stores, (s) => s.oneTimeTokens.consume(id, now)))).toBe(1);
    expect(await temp.store.oneTimeTokens.findLive("reset_password", sha256Hex(id), now)).toBeNull();
  });

  test("oneTimeTokens.consume refuses an expired token", async () => {
    const now = temp.clock.now();
    const id = uuidv7(now);
    await temp.store.oneTimeTokens.insert({
      id, userId: user.id, purpose: "verify_email", tokenHash: sha256Hex(id), expiresAt: now, usedAt: null, failedAttempts: 0, createdAt: now,
    });
    expect(await temp.store.oneTimeTokens.consume(id, now)).toBe(false);
  });

  test("oneTimeTokens.claimAttempt: exactly max of the concurrent callers get a number, 1…max", async () => {
    const now = temp.clock.now();
    const id = uuidv7(now);
    await temp.store.oneTimeTokens.insert({
      id, userId: user.id, purpose: "login_challenge", tokenHash: sha256Hex(id), expiresAt: now + 60_000, usedAt: null, failedAttempts: 0, createdAt: now,
    });
    const max = Math.min(5, N - 1);
    const claims = await Promise.all(Array.from({ length: N }, (_, i) => stores[i % stores.length]!.oneTimeTokens.claimAttempt(id, max, now)));
    const numbers = claims.filter((claim) => claim !== null).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: max }, (_, i) => i + 1));
    expect(claims.filter((claim) => claim === null)).toHaveLength(N - max);
  });

  test("oneTimeTokens.claimAttempt refuses a used or expired token", async () => {
    const now = temp.clock.now();
    const id = uuidv7(now);
    await temp.store.oneTimeTokens.insert({
      id, userId: user.id, purpose: "login_challenge", tokenHash: sha256Hex(id), expiresAt: now + 60_000, usedAt: null, failedAttempts: 0, createdAt: now,
    });
    expect(await temp.store.oneTimeTokens.claimAttempt(id, 5, now + 60_000)).toBeNull();
    expect(await temp.store.oneTimeTokens.consume(id, now)).toBe(true);
    expect(await temp.store.oneTimeTokens.claimAttempt(id, 5, now)).toBeNull();
  });

  test("recoveryCodes.consume", async () => {
    const now = temp.clock.now();
    await temp.store.recoveryCodes.replaceAll(user.id, ["hash-a", "hash-b"], now);
    expect(await winners(spread(stores, (s) => s.recoveryCodes.consume(user.id, "hash-a", now)))).toBe(1);
    expect(await temp.store.recoveryCodes.consume(user.id, "hash-b", now)).toBe(true);
    expect(await temp.store.recoveryCodes.consume(user.id, "hash-c", now)).toBe(false);
  });

  test("users.advanceTotpStep, and an older step after a newer one loses", async () => {
    expect(await winners(spread(stores, (s) => s.users.advanceTotpStep(user.id, 1000)))).toBe(1);
    expect(await temp.store.users.advanceTotpStep(user.id, 999)).toBe(false);
    expect(await temp.store.users.advanceTotpStep(user.id, 1000)).toBe(false);
    expect(await temp.store.users.advanceTotpStep(user.id, 1001)).toBe(true);
  });
});
