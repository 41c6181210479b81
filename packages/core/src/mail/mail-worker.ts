import type { Clock } from "../clock.ts";
import type { Logger } from "../ports/logger.ts";
import type { MailQueue, MailTransport, QueuedMail } from "../ports/mail.ts";
import { retryDelayMs } from "../webhooks/backoff.ts";
import { startPollLoop } from "../workers/poll-loop.ts";

/** Attempts per mail in all (the first and seven retries: about 45 minutes at the default base). */
export const MAX_MAIL_ATTEMPTS = 8;
/**
 * A lease outlives any attempt by a wide margin (the SMTP driver gives up on a silent
 * server well within a minute); a crashed sender's mails are retried once it runs out.
 */
export const MAIL_LEASE_MS = 3 * 60_000;
/** Older unsent mails are left alone: their links have likely run out (verification: 7 days, reset: 1 hour). */
export const MAIL_MAX_AGE_MS = 24 * 3_600_000;

export interface MailSenderOptions {
  queue: MailQueue;
  transport: MailTransport;
  clock: Clock;
  logger: Logger;
  /** Wait before a mail's 2nd attempt; doubled for each further one, with jitter. */
  backoffBaseMs: number;
  /** Idle poll period (idle polls only read). */
  pollIntervalMs: number;
  /** Mails in flight at once. */
  concurrency: number;
  random: () => number;
  /** Lease length (tests shorten it). */
  leaseMs?: number;
}

/** Counters since start, and the queue depth at the last poll (for /metrics). */
export interface MailSenderStats {
  sent: number;
  failed: number;
  retried: number;
  givenUp: number;
  queueDepth: number;
}

export interface MailSender {
  stats(): MailSenderStats;
  /** Stops claiming and waits up to `drainMs` for sends in flight; unfinished ones are retried after their lease. */
  stop(drainMs: number): Promise<void>;
}

/** What a log line and the outbox may keep of an SMTP error: its class and codes, never the message (which may quote the mail). */
export function mailErrorSummary(error: unknown): string {
  const e = error as { name?: string; code?: unknown; responseCode?: unknown };
  const parts = [typeof e?.code === "string" ? e.code : (e?.name ?? "Error")];
  if (typeof e?.responseCode === "number") parts.push(String(e.responseCode));
  return parts.join(" ");
}

/**
 * The mail sending loop: lease due mails from the outbox with one guarded UPDATE, hand
 * each to the transport, mark it sent once the server accepted it, or schedule a retry
 * with exponential backoff. A crash between the server's accept and the mark is the one
 * way a mail goes out twice: the lease runs out and another attempt sends it again.
 */
export function startMailSender(options: MailSenderOptions): MailSender {
  const { queue, transport, clock, logger } = options;
  const leaseMs = options.leaseMs ?? MAIL_LEASE_MS;
  const stats: MailSenderStats = { sent: 0, failed: 0, retried: 0, givenUp: 0, queueDepth: 0 };
  const inFlight = new Set<Promise<void>>();
  const notBefore = () => clock.now() - MAIL_MAX_AGE_MS;

  async function attempt(mail: QueuedMail): Promise<void> {
    if (mail.attempt > 1) stats.retried += 1;
    try {
      await transport.send(mail);
    } catch (error) {
      stats.failed += 1;
      const last = mail.attempt >= MAX_MAIL_ATTEMPTS;
      const now = clock.now();
      const nextAttemptAt = last ? null : now + retryDelayMs(mail.attempt, options.backoffBaseMs, options.random());
      const summary = mailErrorSummary(error);
      await queue.markFailed(mail.id, mail.leaseToken, { error: summary, nextAttemptAt }, now);
      const fields = { mailId: mail.id, attempt: mail.attempt, error: summary };
      if (last) {
        stats.givenUp += 1;
        logger.error("mail.given_up", fields);
      } else logger.warn("mail.failed", { ...fields, nextAttemptAt: new Date(nextAttemptAt!).toISOString() });
      return;
    }
    await queue.markSent(mail.id, clock.now());
    stats.sent += 1;
    logger.info("mail.sent", { mailId: mail.id, attempt: mail.attempt });
  }

  function start(mail: QueuedMail): void {
    const run = attempt(mail)
      .catch((error) => logger.error("mail.sender_error", { mailId: mail.id, error: mailErrorSummary(error) })) // the lease runs out; retried
      .finally(() => {
        inFlight.delete(run);
        loop.kick();
      });
    inFlight.add(run);
  }

  async function tick(): Promise<void> {
    try {
      while (loop.running && inFlight.size < options.concurrency) {
        const now = clock.now();
        if (!(await queue.hasDue(now, notBefore()))) break;
        const claimed = await queue.claimDue(options.concurrency - inFlight.size, { token: crypto.randomUUID(), until: now + leaseMs }, now, notBefore());
        if (claimed.length === 0) break;
        for (const mail of claimed) start(mail);
      }
      stats.queueDepth = await queue.depth(notBefore());
    } catch (error) {
      logger.error("mail.sender_error", { error: mailErrorSummary(error) });
    }
  }

  const loop = startPollLoop(tick, options.pollIntervalMs);
  return {
    stats: () => ({ ...stats }),
    async stop(drainMs) {
      await loop.stop();
      let deadline: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<void>((resolve) => (deadline = setTimeout(resolve, drainMs)));
      await Promise.race([Promise.allSettled([...inFlight]), late]);
      clearTimeout(deadline);
      transport.close?.();
    },
  };
}
