import { DEFAULT_REGISTRATION_POLICY, REGISTRATION_POLICIES, type Clock, type Logger, type MailTransport, type PasswordHasher, type RateLimitSettings, type WebhookSender } from "@geckoguard/core";
import type { GeckoguardOptions } from "@geckoguard/elysia";
import { SHARED_STATE_MODES } from "@geckoguard/store-libsql";
import type { LogLevel } from "./json-logger.ts";

/** The delivery worker's pace; apps/server's settings table shows these as its defaults. */
export interface WebhookDeliveryOptions {
  /** Deliver in this process (default true); false: record events only, another process on the same database delivers. */
  worker: boolean;
  /** Wait before a delivery's 2nd attempt; doubled for each further one, with jitter, never over 16 minutes. */
  backoffBaseMs: number;
  /** How often an idle worker looks for work (idle polls only read). */
  pollIntervalMs: number;
  /** Delivery attempts in flight at once (one endpoint gets at most a quarter of them). */
  concurrency: number;
  /** On close, how long attempts in flight may finish before they are aborted (and retried by the next start). */
  drainMs: number;
}

/** Sending the mail outbox over SMTP (docs/mail.md); without `smtpUrl` mails stay in the outbox. */
export interface MailOptions {
  /** `smtp://user:pass@host:587` (STARTTLS) or `smtps://user:pass@host:465`; unset: no sending. */
  smtpUrl?: string;
  /** The From header; required with `smtpUrl`. */
  from?: string;
  /** Send in this process (default true); false: another process on the same database sends. */
  worker: boolean;
  /** Wait before a mail's 2nd attempt; doubled for each further one, with jitter, never over 16 minutes. */
  backoffBaseMs: number;
  /** How often an idle sender looks for mail (idle polls only read). */
  pollIntervalMs: number;
  /** On close, how long sends in flight may finish (unfinished ones are retried after their lease). */
  drainMs: number;
}

/** The subscription clock's pace (docs/subscriptions.md#the-clock). */
export interface SubscriptionClockSettings {
  /** Run the clock in this process (default true); several processes on one database share it safely. */
  worker: boolean;
  /** How often it looks for subscriptions whose time is up (an idle look only reads). */
  pollIntervalMs: number;
  /** Subscriptions expired per transaction; requests run between batches. */
  batchSize: number;
}

/** The allowed values of the options that are a choice (apps/server's settings table lists them from here). */
export const RUNTIME_CHOICES = {
  sharedState: SHARED_STATE_MODES,
  synchronous: ["normal", "full"],
  authorizeThread: ["worker", "main"],
  registration: REGISTRATION_POLICIES,
} as const;
type Choice<K extends keyof typeof RUNTIME_CHOICES> = (typeof RUNTIME_CHOICES)[K][number];

/** Defaults of the options below that the self-host server also shows (its settings table reads them here). */
export const RUNTIME_DEFAULTS = {
  sharedState: "memory" as Choice<"sharedState">,
  synchronous: "normal" as Choice<"synchronous">,
  authorizeThread: "worker" as Choice<"authorizeThread">,
  registration: DEFAULT_REGISTRATION_POLICY as Choice<"registration">,
  databaseSyncIntervalSeconds: 60,
  webhooks: { worker: true, backoffBaseMs: 60_000, pollIntervalMs: 1000, concurrency: 16, drainMs: 10_000 } satisfies WebhookDeliveryOptions,
  mail: { worker: true, backoffBaseMs: 30_000, pollIntervalMs: 1000, drainMs: 10_000 } satisfies MailOptions,
  subscriptions: { worker: true, pollIntervalMs: 30_000, batchSize: 500 } satisfies SubscriptionClockSettings,
} as const;

/** The HTTP surface's own options, as the plugin declares them. */
type PluginOptions = Omit<GeckoguardOptions, "context" | "authorize" | "logger">;

/**
 * Everything `createGeckoguard` builds from. Only `databaseUrl`, `jwtSecret` and
 * `publicUrl` are required; the rest have defaults that suit a single process.
 */
export interface CreateGeckoguardOptions extends PluginOptions {
  /** `file:./data/geckoguard.db` (embedded), `libsql://…` / `http(s)://…` / `ws(s)://…` (remote). */
  databaseUrl: string;
  databaseAuthToken?: string;
  /** With a `file:` URL: keep the file as an embedded replica of this primary. */
  databaseSyncUrl?: string;
  /** Seconds between background pulls of an embedded replica (0: at open and after its own writes only). */
  databaseSyncIntervalSeconds?: number;
  /**
   * Signs access tokens and derives the keys of webhook secrets and idempotency
   * fingerprints: text of at least 32 bytes (UTF-8) or at least 32 random bytes, the
   * same in every process of a deployment and across restarts.
   */
  jwtSecret: string | Uint8Array;
  /** Base URL put in mailed links (verification, password reset). */
  publicUrl: string;
  /**
   * Who may sign up through `POST /v1/auth/register` (default first: only until the first
   * account exists; open: anyone; closed: nobody). docs/authentication.md#sign-up-policy.
   */
  registration?: Choice<"registration">;
  /** Where rate limits, idempotency records and nonces live: this process (default) or the database every process shares. */
  sharedState?: Choice<"sharedState">;
  /** Deployment-wide per-minute limits; unset ones keep their defaults (docs/authentication.md). */
  rateLimits?: Partial<RateLimitSettings>;
  /** SQLite `synchronous` for the authorize path's writes on an embedded file (default normal). */
  synchronous?: Choice<"synchronous">;
  /**
   * Embedded file on Bun: run authorize calls on their own thread (default) or on this
   * one ("main"). Always this thread on Node, with a remote database, or with a `clock`
   * (the thread keeps the system's time).
   */
  authorizeThread?: Choice<"authorizeThread">;
  /** The authorize thread's module when bundled (default: next to its source). */
  authorizeWorkerUrl?: string;
  /** Webhook URLs may be http:// and loopback addresses (development and tests only). */
  allowInsecureWebhooks?: boolean;
  /** Webhook delivery in this process; on by default. */
  webhooks?: Partial<WebhookDeliveryOptions>;
  /** The subscription clock in this process; on by default. */
  subscriptions?: Partial<SubscriptionClockSettings>;
  /** SMTP sending of the mail outbox; unset `smtpUrl` keeps mails in the outbox (`geckoguard mail`). */
  mail?: Partial<MailOptions>;
  /** Where log lines go (default: JSON lines on stderr at `logLevel`). */
  logger?: Logger;
  /** Lowest level the default logger writes (default info; "silent" writes nothing). */
  logLevel?: LogLevel;
  /** Drivers and time, swappable (tests): default argon2id at OWASP parameters, fetch, the system resolver and clock. */
  passwords?: PasswordHasher;
  sendWebhook?: WebhookSender;
  /** Replaces the SMTP transport that `mail.smtpUrl` would build. */
  mailTransport?: MailTransport;
  resolveHost?: (hostname: string) => Promise<string[]>;
  clock?: Clock;
}
