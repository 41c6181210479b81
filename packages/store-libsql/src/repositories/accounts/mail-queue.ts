import { and, asc, count, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { MailQueue } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { mailOutbox as m } from "../../schema/index.ts";

/** Neither sent nor given up: the rows the partial index `mail_outbox_due_idx` covers. */
const unsent = and(isNull(m.sentAt), isNull(m.failedAt));

/** The outbox as the SMTP mail sender drains it (see MailQueue for the guarantees). */
export function libsqlMailQueue(db: Executor): MailQueue {
  const due = (now: number, notBefore: number) =>
    and(unsent, lte(m.nextAttemptAt, now), gte(m.createdAt, notBefore), or(isNull(m.leaseUntil), lte(m.leaseUntil, now)));

  return {
    async claimDue(limit, lease, now, notBefore) {
      const heads = db.select({ id: m.id }).from(m).where(due(now, notBefore)).orderBy(asc(m.nextAttemptAt), asc(m.id)).limit(limit);
      // One statement under SQLite's write lock: the guard is re-checked on the rows it updates.
      const rows = await db
        .update(m)
        .set({ leaseToken: lease.token, leaseUntil: lease.until, attempts: sql`${m.attempts} + 1` })
        .where(and(sql`${m.id} IN (${heads})`, due(now, notBefore)))
        .returning({ id: m.id, to: m.to, subject: m.subject, text: m.body, attempt: m.attempts });
      return rows.map((row) => ({ ...row, leaseToken: lease.token })).sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    async hasDue(now, notBefore) {
      return (await db.select({ id: m.id }).from(m).where(due(now, notBefore)).limit(1).get()) !== undefined;
    },
    async markSent(id, now) {
      const rows = await db
        .update(m)
        .set({ sentAt: now, leaseToken: null, leaseUntil: null, lastError: null })
        .where(and(eq(m.id, id), isNull(m.sentAt)))
        .returning({ id: m.id });
      return rows.length > 0;
    },
    async markFailed(id, leaseToken, result, now) {
      const rows = await db
        .update(m)
        .set({
          lastError: result.error,
          leaseToken: null,
          leaseUntil: null,
          ...(result.nextAttemptAt === null ? { failedAt: now } : { nextAttemptAt: result.nextAttemptAt }),
        })
        .where(and(eq(m.id, id), eq(m.leaseToken, leaseToken), isNull(m.sentAt)))
        .returning({ id: m.id });
      return rows.length > 0;
    },
    async depth(notBefore) {
      const row = await db.select({ n: count() }).from(m).where(and(unsent, gte(m.createdAt, notBefore))).get();
      return row?.n ?? 0;
    },
  };
}
