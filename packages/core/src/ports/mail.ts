export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Outgoing mail. The default adapter writes to the outbox table (inside the caller's
 * transaction, so a rolled-back registration sends nothing) and logs that a mail was
 * queued; an SMTP adapter can drain that outbox.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** A queued mail this sender holds the lease of. */
export interface QueuedMail extends MailMessage {
  id: string;
  /** This attempt's number (1-based); claiming counted it. */
  attempt: number;
  leaseToken: string;
}

/**
 * The mail outbox as a sender drains it. Several processes may drain one database: the
 * claim is the lock, so a mail is in at most one sender's hands until its lease runs out.
 */
export interface MailQueue {
  /**
   * Leases up to `limit` unsent mails that are due, not given up, created at or after
   * `notBefore`, and whose lease (if any) has run out, counting the attempt, oldest first.
   * One guarded UPDATE: of concurrent callers exactly one gets each mail.
   */
  claimDue(limit: number, lease: { token: string; until: number }, now: number, notBefore: number): Promise<QueuedMail[]>;
  /** A read (no lock): would `claimDue` find anything now? */
  hasDue(now: number, notBefore: number): Promise<boolean>;
  /**
   * The SMTP server accepted the mail: it is sent, whoever holds the lease now (a late
   * accept still stops further sends). False when it was already marked sent.
   */
  markSent(id: string, now: number): Promise<boolean>;
  /**
   * A failed attempt: retry at `nextAttemptAt`, or give up (null). Written only while
   * `leaseToken` still holds the mail; false (nothing written) otherwise.
   */
  markFailed(id: string, leaseToken: string, result: { error: string; nextAttemptAt: number | null }, now: number): Promise<boolean>;
  /** Mails neither sent nor given up (created at or after `notBefore`). */
  depth(notBefore: number): Promise<number>;
}

/** Hands one mail to a mail server; resolves once the server accepted it, throws otherwise. */
export interface MailTransport {
  send(message: MailMessage & { id: string }): Promise<void>;
  /** Closes pooled connections. */
  close?(): void;
}
