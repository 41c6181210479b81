import type { CaughtMail } from "./smtp-catcher.ts";
import { startServer, type StartOptions } from "./server-process.ts";

/** The links in mails point here; tests fetch their path and query from the server under test. */
export const MAIL_PUBLIC_URL = "http://licensing.test";

/** A real server sending its mail to `smtpUrl`, with backoff and polling shortened for tests. */
export function startMailingServer(smtpUrl: string, options: StartOptions = {}) {
  return startServer({
    ...options,
    env: {
      GG_SMTP_URL: smtpUrl,
      GG_MAIL_FROM: "GeckoGuard <no-reply@licensing.test>",
      GG_MAIL_BACKOFF_BASE_MS: "50",
      GG_MAIL_POLL_MS: "50",
      GG_PUBLIC_URL: MAIL_PUBLIC_URL,
      ...options.env,
    },
  });
}

/** The first link in a mail to `path`, as path and query (the host is MAIL_PUBLIC_URL). */
export function linkIn(mail: CaughtMail, path: string): { pathAndQuery: string; token: string } {
  const match = mail.text.match(new RegExp(`${MAIL_PUBLIC_URL.replace(/\./g, "\\.")}(${path}\\?token=([A-Za-z0-9_-]+))`));
  if (match === null) throw new Error(`no ${path} link in the mail:\n${mail.text}`);
  return { pathAndQuery: match[1]!, token: match[2]! };
}

/** The JSON log lines of one event. */
export function logLines(output: string[], event: string): Record<string, unknown>[] {
  return output.filter((line) => line.includes(`"${event}"`)).map((line) => JSON.parse(line) as Record<string, unknown>);
}
