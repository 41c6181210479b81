import { expect, test } from "bun:test";
import { systemClock } from "../clock.ts";
import type { Logger } from "../ports/logger.ts";
import type { MailQueue, MailTransport, QueuedMail } from "../ports/mail.ts";
import { MAX_MAIL_ATTEMPTS, mailErrorSummary, startMailSender } from "./mail-worker.ts";

interface Row {
  id: string;
  attempts: number;
  nextAttemptAt: number;
  leaseToken: string | null;
  leaseUntil: number;
  sentAt: number | null;
  failedAt: number | null;
  lastError: string | null;
}

/** The queue's rules over an array (the libSQL adapter has its own tests against a real file). */
function memoryQueue(ids: string[]): MailQueue & { rows: Row[] } {
  const rows: Row[] = ids.map((id) => ({ id, attempts: 0, nextAttemptAt: 0, leaseToken: null, leaseUntil: 0, sentAt: null, failedAt: null, lastError: null }));
  const due = (row: Row, now: number) => row.sentAt === null && row.failedAt === null && row.nextAttemptAt <= now && row.leaseUntil <= now;
  return {
    rows,
    async claimDue(limit, lease, now) {
      return rows
        .filter((row) => due(row, now))
        .slice(0, limit)
        .map((row): QueuedMail => {
          Object.assign(row, { leaseToken: lease.token, leaseUntil: lease.until, attempts: row.attempts + 1 });
          return { id: row.id, to: `${row.id}@example.com`, subject: "s", text: "secret link", attempt: row.attempts, leaseToken: lease.token };
        });
    },
    async hasDue(now) {
      return rows.some((row) => due(row, now));
    },
    async markSent(id, now) {
      const row = rows.find((r) => r.id === id && r.sentAt === null);
      if (row === undefined) return false;
      Object.assign(row, { sentAt: now, leaseToken: null, leaseUntil: 0 });
      return true;
    },
    async markFailed(id, leaseToken, result, now) {
      const row = rows.find((r) => r.id === id && r.leaseToken === leaseToken && r.sentAt === null);
      if (row === undefined) return false;
      Object.assign(row, { lastError: result.error, leaseToken: null, leaseUntil: 0 }, result.nextAttemptAt === null ? { failedAt: now } : { nextAttemptAt: result.nextAttemptAt });
      return true;
    },
    async depth() {
      return rows.filter((row) => row.sentAt === null && row.failedAt === null).length;
    },
  };
}

function recordingLogger() {
  const lines: { level: string; event: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (event: string, fields: Record<string, unknown> = {}) => void lines.push({ level, event, fields });
  const logger: Logger = { info: at("info"), warn: at("warn"), error: at("error") };
  return { logger, lines };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await Bun.sleep(5);
  expect(condition()).toBe(true);
}

const smtpRefusal = () => Object.assign(new Error("451 Try again later: secret link"), { code: "EMESSAGE", responseCode: 451 });

test("a server that refuses every attempt: retried with growing waits, given up after the last attempt, never with the body in a log line", async () => {
  const queue = memoryQueue(["m1"]);
  const { logger, lines } = recordingLogger();
  const tries: number[] = [];
  const transport: MailTransport = {
    async send() {
      tries.push(Date.now());
      throw smtpRefusal();
    },
  };
  const sender = startMailSender({ queue, transport, clock: systemClock, logger, backoffBaseMs: 2, pollIntervalMs: 5, concurrency: 2, random: () => 0.5 });
  try {
    await until(() => queue.rows[0]!.failedAt !== null);
  } finally {
    await sender.stop(100);
  }
  expect(tries).toHaveLength(MAX_MAIL_ATTEMPTS);
  expect(queue.rows[0]).toMatchObject({ attempts: MAX_MAIL_ATTEMPTS, sentAt: null, lastError: "EMESSAGE 451" });
  const failed = lines.filter((line) => line.event === "mail.failed");
  expect(failed.map((line) => line.fields.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(lines.filter((line) => line.event === "mail.given_up")).toEqual([{ level: "error", event: "mail.given_up", fields: { mailId: "m1", attempt: 8, error: "EMESSAGE 451" } }]);
  expect(JSON.stringify(lines)).not.toContain("secret link");
  // Each wait is at least the one before (2, 4, 8, … ms at the base of 2 ms).
  const waits = tries.slice(1).map((at, i) => at - tries[i]!);
  expect(waits.at(-1)!).toBeGreaterThanOrEqual(2 ** 6);
  expect(sender.stats()).toEqual({ sent: 0, failed: 8, retried: 7, givenUp: 1, queueDepth: 0 });
});

test("a refusal then an accept: the mail is sent once, on the second attempt", async () => {
  const queue = memoryQueue(["a", "b", "c"]);
  const { logger, lines } = recordingLogger();
  const sent: string[] = [];
  let refusals = 1;
  const transport: MailTransport = {
    async send(message) {
      if (refusals-- > 0) throw smtpRefusal();
      sent.push(message.id);
    },
  };
  const sender = startMailSender({ queue, transport, clock: systemClock, logger, backoffBaseMs: 1, pollIntervalMs: 5, concurrency: 1, random: () => 0 });
  try {
    await until(() => queue.rows.every((row) => row.sentAt !== null));
  } finally {
    await sender.stop(100);
  }
  expect(sent.sort()).toEqual(["a", "b", "c"]);
  expect(lines.filter((line) => line.event === "mail.sent").map((line) => line.fields)).toContainEqual({ mailId: "a", attempt: 2 });
  expect(sender.stats()).toMatchObject({ sent: 3, failed: 1, retried: 1, givenUp: 0 });
});

test("an SMTP error is reduced to its codes: its message may quote the mail", () => {
  expect(mailErrorSummary(smtpRefusal())).toBe("EMESSAGE 451");
  expect(mailErrorSummary(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ECONNECTION" }))).toBe("ECONNECTION");
  expect(mailErrorSummary(new TypeError("x"))).toBe("TypeError");
});
