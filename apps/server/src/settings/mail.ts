import { smtpUrlProblem } from "@geckoguard/drivers";
import { RUNTIME_DEFAULTS } from "@geckoguard/runtime";
import { flag, integer, text } from "./kinds.ts";

const defaults = RUNTIME_DEFAULTS.mail;

/** The mail part of the settings table (docs/mail.md); defaults are the runtime's. */
export const MAIL_SETTINGS = {
  smtpUrl: text("GG_SMTP_URL", {
    group: "Mail",
    fallback: undefined,
    allowed: "smtp://…, smtps://…",
    secret: true,
    summary:
      "send mail through this server: `smtp://user:pass@host:587` (STARTTLS when offered; `?requireTLS=true` insists) or `smtps://user:pass@host:465`; unset: mails stay in the outbox (`geckoguard mail`)",
    check: smtpUrlProblem,
  }),
  mailFrom: text("GG_MAIL_FROM", {
    group: "Mail",
    fallback: undefined,
    summary: "the From of sent mail, e.g. `GeckoGuard <no-reply@example.com>`; required with GG_SMTP_URL",
    check: (value) => (/@/.test(value) && !/[\r\n]/.test(value) ? null : "must be an address like no-reply@example.com or Name <no-reply@example.com>"),
  }),
  mailWorker: flag("GG_MAIL_WORKER", {
    group: "Mail",
    fallback: defaults.worker,
    summary: "0: this process queues mail but does not send it (another process on the same database does)",
  }),
  mailBackoffBaseMs: integer("GG_MAIL_BACKOFF_BASE_MS", {
    group: "Mail",
    fallback: defaults.backoffBaseMs,
    min: 1,
    max: 3_600_000,
    summary: "wait before a mail's 2nd attempt; doubled for each further one, with jitter, never over 16 minutes (8 attempts in all)",
  }),
  mailPollMs: integer("GG_MAIL_POLL_MS", {
    group: "Mail",
    fallback: defaults.pollIntervalMs,
    min: 10,
    max: 60_000,
    summary: "how often an idle mail sender looks for mail (idle polls only read)",
  }),
};

export const MAIL_SETTING_NAMES = Object.keys(MAIL_SETTINGS) as (keyof typeof MAIL_SETTINGS)[];
