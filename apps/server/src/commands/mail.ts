import { listOutbox, openDatabase } from "@geckoguard/store-libsql";
import type { ServerConfig } from "../config.ts";

/**
 * `geckoguard mail [count]`: prints the newest mails of the outbox (verification and
 * reset links) for a self-hoster who has not set up SMTP.
 */
export async function mailCommand(config: ServerConfig, args: string[]): Promise<void> {
  const count = Number(args[0] ?? 10);
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new Error("mail takes a count between 1 and 1000");
  const database = await openDatabase({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  try {
    for (const mail of await listOutbox(database.db, count)) {
      console.log(`--- ${new Date(mail.createdAt).toISOString()} to ${mail.to}\nSubject: ${mail.subject}\n\n${mail.body}\n`);
    }
  } finally {
    database.close();
  }
}
