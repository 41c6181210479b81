import { listOutbox, openDatabase } from "@geckoguard/store-libsql";
import type { ServerConfig } from "../config.ts";

type OutboxRow = Awaited<ReturnType<typeof listOutbox>>[number];

/** Where one mail stands: only meaningful once a sender (GG_SMTP_URL) drains the outbox. */
function delivery(mail: OutboxRow): string {
  if (mail.sentAt !== null) return `sent ${new Date(mail.sentAt).toISOString()}`;
  if (mail.failedAt !== null) return `given up after ${mail.attempts} attempts (${mail.lastError ?? "error"})`;
  if (mail.attempts > 0) return `retrying (${mail.attempts} attempts so far, last: ${mail.lastError ?? "no answer"})`;
  return "waiting to be sent";
}

/**
 * `geckoguard mail [count]`: prints the newest mails of the outbox (verification and
 * reset links) for a self-hoster who has not set up SMTP; with GG_SMTP_URL set it also
 * shows whether each was sent.
 */
export async function mailCommand(config: ServerConfig, args: string[]): Promise<void> {
  const count = Number(args[0] ?? 10);
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new Error("mail takes a count between 1 and 1000");
  const database = await openDatabase({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  try {
    const mails = await listOutbox(database.db, count);
    const smtp = config.mail.smtpUrl !== undefined;
    if (mails.length === 0) {
      console.log(
        smtp
          ? "The mail outbox is empty: no mail has been queued yet (GG_SMTP_URL is set, so the server sends mails as they are queued)."
          : "The mail outbox is empty: no mail has been queued yet (GG_SMTP_URL is unset, so mails stay here for you to read with this command).",
      );
      return;
    }
    for (const mail of mails) {
      const status = smtp ? `\nStatus: ${delivery(mail)}` : "";
      console.log(`--- ${new Date(mail.createdAt).toISOString()} to ${mail.to}\nSubject: ${mail.subject}${status}\n\n${mail.body}\n`);
    }
  } finally {
    database.close();
  }
}
