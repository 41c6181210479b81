import nodemailer from "nodemailer";
import type { MailTransport } from "@geckoguard/core";

export interface SmtpOptions {
  /**
   * `smtp://user:pass@host:587` (STARTTLS when the server offers it, required when
   * `?requireTLS=true`) or `smtps://user:pass@host:465` (TLS from the first byte). The
   * user and password are URL-encoded.
   */
  url: string;
  /** The From header, e.g. `GeckoGuard <no-reply@example.com>`. */
  from: string;
}

/** An SMTP URL is `smtp://` or `smtps://` with a host; anything else is refused at start. */
export function smtpUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "must be a URL like smtp://user:pass@host:587 or smtps://user:pass@host:465";
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") return `must start with smtp:// or smtps://, got '${parsed.protocol}//…'`;
  if (parsed.hostname === "") return "must name a host, e.g. smtp://smtp.example.com:587";
  return null;
}

/**
 * Sends through one SMTP server with nodemailer (a small connection pool). Timeouts are
 * short so an attempt ends well within the mail sender's lease: a server that does not
 * answer is a failed attempt, retried later.
 */
export function smtpTransport(options: SmtpOptions): MailTransport {
  const problem = smtpUrlProblem(options.url);
  if (problem !== null) throw new Error(`SMTP URL ${problem}`);
  const url = new URL(options.url);
  const secure = url.protocol === "smtps:";
  const transporter = nodemailer.createTransport({
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port === "" ? (secure ? 465 : 587) : Number(url.port),
    secure,
    requireTLS: url.searchParams.get("requireTLS") === "true",
    auth: url.username === "" ? undefined : { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      await transporter.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        // One id per queued mail: a receiver can drop the copy of an at-least-once resend.
        messageId: `<${message.id}@geckoguard>`,
      });
    },
    close: () => transporter.close(),
  };
}
