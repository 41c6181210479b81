import { afterEach, describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { uuidv7 } from "@geckoguard/core";
import { tempWebhookDatabase } from "../testing/webhook-fixtures.ts";
import { nativeRunner, type SqlRunner } from "./sql-runner.ts";
import { WriteBehind } from "./write-behind.ts";

const DAY = 86_400_000;
const D = 20_000; // a UTC day number
const at = (day: number, ms: number) => day * DAY + ms;
const fail = (error: unknown) => {
  throw error;
};

/** The write-behind's analytics writes (docs/team-and-audit.md#analytics), on a real database file. */
describe("write-behind: authorize outcome counts and authorized licenses per day", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  async function setUp() {
    const temp = await tempWebhookDatabase();
    dirs.push(temp.dir);
    const { productId } = await temp.product();
    const runner = () => nativeRunner(temp.path, { busyTimeoutMs: 2000, synchronous: "normal", writeLock: null });
    const first = runner();
    const licenseId = uuidv7(Date.now());
    await first.run("INSERT INTO licenses (id, product_id, key, status, created_at, updated_at) VALUES (?, ?, 'GG-KEY', 'active', 0, 0)", [licenseId, productId]);
    const outcomes = async () =>
      Object.fromEntries(
        (await Promise.all(["ALLOWED", "HWID_MISMATCH"].map(async (o) => [o, (await first.get<{ n: number }>("SELECT sum(count) AS n FROM authorize_outcome_days WHERE product_id = ? AND outcome = ?", [productId, o]))?.n ?? 0]))),
      );
    const unique = async (day: number) => (await first.get<{ n: number }>("SELECT licenses AS n FROM authorized_license_days WHERE product_id = ? AND day = ?", [productId, day]))?.n ?? 0;
    return { productId, licenseId, runner, first, outcomes, unique, close: () => temp.close() };
  }

  test("two connections (two processes) add their counts up, and a license they both touch counts once that day", async () => {
    const { productId, licenseId, runner, first, outcomes, unique, close } = await setUp();
    const a = new WriteBehind(first, 1000, fail);
    const b = new WriteBehind(runner(), 1000, fail);
    for (let i = 0; i < 3; i++) a.countOutcome(productId, "ALLOWED", at(D, 1000 + i));
    b.countOutcome(productId, "ALLOWED", at(D, 5000));
    b.countOutcome(productId, "HWID_MISMATCH", at(D, 6000));
    a.touch(licenseId, at(D, 1002));
    b.touch(licenseId, at(D, 5000));
    await a.flush();
    await b.flush();
    b.countOutcome(productId, "ALLOWED", at(D, 7000));
    b.touch(licenseId, at(D, 7000));
    await b.flush();
    expect(await outcomes()).toEqual({ ALLOWED: 5, HWID_MISMATCH: 1 });
    expect(await unique(D)).toBe(1);
    close();
  });

  test("a license authorized either side of midnight within one flush counts on both days", async () => {
    const { licenseId, first, unique, close } = await setUp();
    const writes = new WriteBehind(first, 1000, fail);
    writes.touch(licenseId, at(D, DAY - 100));
    writes.touch(licenseId, at(D + 1, 100));
    await writes.flush();
    expect([await unique(D), await unique(D + 1)]).toEqual([1, 1]);
    close();
  });

  test("a flush that fails keeps its counts for the next one: none lost, none added twice", async () => {
    const { productId, licenseId, first, outcomes, unique, close } = await setUp();
    let failures = 1;
    const flaky: SqlRunner = { ...first, batch: (statements) => (failures-- > 0 ? Promise.reject(new Error("disk I/O error")) : first.batch(statements)) };
    const writes = new WriteBehind(flaky, 1000, fail);
    writes.countOutcome(productId, "ALLOWED", at(D, 1));
    writes.touch(licenseId, at(D, 1));
    await expect(writes.flush()).rejects.toThrow("disk I/O error");
    writes.countOutcome(productId, "ALLOWED", at(D, 2));
    await writes.flush();
    expect(await outcomes()).toEqual({ ALLOWED: 2, HWID_MISMATCH: 0 });
    expect(await unique(D)).toBe(1);
    close();
  });
});
