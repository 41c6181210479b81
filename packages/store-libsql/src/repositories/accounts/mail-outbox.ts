import { desc } from "drizzle-orm";
import { uuidv7, type Clock, type Mailer } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { mailOutbox } from "../../schema/index.ts";

export interface MailLog {
  (line: { event: "mail.queued"; mailId: string; to: string; subject: string }): void;
}

/**
 * The default mailer: the message is written to `mail_outbox` in the caller's
 * transaction, and a log line says so. The body (which holds single-use links) is not
 * logged; `geckoguard mail` prints the outbox for a self-hoster without SMTP.
 */
export function outboxMailer(db: Executor, clock: Clock, log: MailLog): Mailer {
  return {
    async send(message) {
      const now = clock.now();
      const id = uuidv7(now);
      await db.insert(mailOutbox).values({ id, to: message.to, subject: message.subject, body: message.text, createdAt: now, nextAttemptAt: now });
      log({ event: "mail.queued", mailId: id, to: message.to, subject: message.subject });
    },
  };
}

/** The newest mails first. */
export function listOutbox(db: Executor, limit: number) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id)).limit(limit);
}
