import { startMailSender, type Logger, type MailSender, type MailTransport, type Clock } from "@geckoguard/core";
import { smtpTransport } from "@geckoguard/drivers";
import { libsqlMailQueue, type GgDatabase } from "@geckoguard/store-libsql";
import type { MailOptions } from "./options.ts";

/** Sends in flight at once: a mail server throttles bursts, and mail is rarely many at a time. */
const MAIL_CONCURRENCY = 4;

/**
 * The mail sender of this process, or null when there is nothing to send with (no SMTP
 * URL and no transport: mails stay in the outbox for `geckoguard mail`) or it is turned off.
 */
export function startMailDelivery(
  database: GgDatabase,
  settings: MailOptions,
  deps: { clock: Clock; logger: Logger; transport?: MailTransport },
): MailSender | null {
  if (!settings.worker) return null;
  let transport = deps.transport;
  if (transport === undefined) {
    if (settings.smtpUrl === undefined) return null;
    if (settings.from === undefined || settings.from === "") throw new Error("mail.from (GG_MAIL_FROM) is required with an SMTP URL");
    transport = smtpTransport({ url: settings.smtpUrl, from: settings.from });
  }
  return startMailSender({
    queue: libsqlMailQueue(database.db),
    transport,
    clock: deps.clock,
    logger: deps.logger,
    backoffBaseMs: settings.backoffBaseMs,
    pollIntervalMs: settings.pollIntervalMs,
    concurrency: MAIL_CONCURRENCY,
    random: Math.random,
  });
}
