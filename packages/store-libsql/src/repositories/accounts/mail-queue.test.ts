import { afterEach, expect, test } from "bun:test";
import { join } from "node:path";
import type { MailQueue, QueuedMail } from "@geckoguard/core";
import { openDatabase, type GgDatabase } from "../../connection/open-database.ts";
import { openTempStore, type TempStore } from "../../testing/temp-store.ts";
import { libsqlMailQueue } from "./mail-queue.ts";

let temp: TempStore;
const extra: GgDatabase[] = [];
afterEach(() => {
  for (const database of extra.splice(0)) database.close();
  temp.close();
});

async function queueWithMails(count: number) {
  temp = await openTempStore({ busyTimeoutMs: 5000 });
  for (let i = 0; i < count; i++) await temp.store.mail.send({ to: `user${i}@example.com`, subject: "Hi", text: `link ${i}` });
  return libsqlMailQueue(temp.database.db);
}

async function secondConnection(): Promise<MailQueue> {
  const database = await openDatabase({ url: `file:${join(temp.dir, "gg.db")}`, busyTimeoutMs: 5000 });
  extra.push(database);
  return libsqlMailQueue(database.db);
}

async function claimAll(queue: MailQueue, token: string, now: number): Promise<QueuedMail[]> {
  const all: QueuedMail[] = [];
  for (;;) {
    const batch = await queue.claimDue(3, { token, until: now + 60_000 }, now, 0);
    if (batch.length === 0) return all;
    all.push(...batch);
    await Bun.sleep(0); // let the other claimer run between batches
  }
}

test("two connections claiming at once: every mail goes to exactly one of them", async () => {
  const first = await queueWithMails(40);
  const second = await secondConnection();
  const now = temp.clock.now();
  const [a, b] = await Promise.all([claimAll(first, "a", now), claimAll(second, "b", now)]);
  const ids = [...a, ...b].map((mail) => mail.id);
  expect(ids).toHaveLength(40);
  expect(new Set(ids).size).toBe(40);
  expect([...a, ...b].every((mail) => mail.attempt === 1)).toBe(true);
});

test("a leased mail is skipped until the lease runs out, then claimed again as the next attempt (a crashed sender)", async () => {
  const queue = await queueWithMails(1);
  const now = temp.clock.now();
  const [claimed] = await queue.claimDue(5, { token: "crashed", until: now + 1000 }, now, 0);
  expect(claimed).toMatchObject({ attempt: 1, leaseToken: "crashed", to: "user0@example.com", text: "link 0" });
  expect(await queue.hasDue(now + 999, 0)).toBe(false);
  expect(await queue.claimDue(5, { token: "other", until: now + 5000 }, now + 999, 0)).toEqual([]);
  const [again] = await queue.claimDue(5, { token: "other", until: now + 5000 }, now + 1000, 0);
  expect(again).toMatchObject({ id: claimed!.id, attempt: 2, leaseToken: "other" });
  // The crashed sender's late failure report is ignored: the lease is no longer its.
  expect(await queue.markFailed(claimed!.id, "crashed", { error: "ETIMEDOUT", nextAttemptAt: now + 60_000 }, now + 1001)).toBe(false);
});

test("a sent mail is never claimed again; a failed one waits for its next attempt; a given-up one stays out", async () => {
  const queue = await queueWithMails(3);
  const now = temp.clock.now();
  const [sent, retried, givenUp] = await queue.claimDue(3, { token: "t", until: now + 60_000 }, now, 0);
  expect(await queue.markSent(sent!.id, now)).toBe(true);
  expect(await queue.markSent(sent!.id, now)).toBe(false);
  expect(await queue.markFailed(retried!.id, "t", { error: "EMESSAGE 451", nextAttemptAt: now + 500 }, now)).toBe(true);
  expect(await queue.markFailed(givenUp!.id, "t", { error: "EMESSAGE 550", nextAttemptAt: null }, now)).toBe(true);
  expect(await queue.depth(0)).toBe(1);
  expect(await queue.claimDue(3, { token: "u", until: now + 60_000 }, now + 499, 0)).toEqual([]);
  const later = await queue.claimDue(3, { token: "u", until: now + 60_000 }, now + 500, 0);
  expect(later.map((mail) => [mail.id, mail.attempt])).toEqual([[retried!.id, 2]]);
});

test("mails created before `notBefore` are left alone (queued long before SMTP was set up)", async () => {
  const queue = await queueWithMails(1);
  const now = temp.clock.now();
  expect(await queue.hasDue(now, now + 1)).toBe(false);
  expect(await queue.depth(now + 1)).toBe(0);
  expect(await queue.claimDue(1, { token: "t", until: now + 1000 }, now, now + 1)).toEqual([]);
  expect(await queue.claimDue(1, { token: "t", until: now + 1000 }, now, now)).toHaveLength(1);
});
