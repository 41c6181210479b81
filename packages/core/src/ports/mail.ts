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
