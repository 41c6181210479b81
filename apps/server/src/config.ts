import { join } from "node:path";
import type { RateLimitSettings } from "@geckoguard/core";
import { ConfigError } from "./config-error.ts";
import { readSettings, type Env } from "./settings/read-settings.ts";
import { RATE_LIMIT_KNOB_NAMES } from "./settings/rate-limits.ts";
import { WEBHOOK_SETTING_NAMES } from "./settings/webhooks.ts";
import { MAIL_SETTING_NAMES } from "./settings/mail.ts";
import { SUBSCRIPTION_SETTING_NAMES } from "./settings/subscriptions.ts";

export { ConfigError };
export { RATE_LIMIT_VARIABLES } from "./settings/rate-limits.ts";

/**
 * The server's configuration: the settings table's values (settings/table.ts declares
 * each one, its type included), with the defaults that depend on other settings filled
 * in and the rate-limit knobs and webhook settings gathered as the runtime takes them.
 */
export type ServerConfig = ReturnType<typeof loadConfig>;
export type WebhookConfig = ServerConfig["webhooks"];

function without<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/**
 * Reads and validates every setting (settings/table.ts) from the environment and an
 * optional config file; defaults run embedded with zero set-up.
 */
export function loadConfig(env: Env = process.env, configFile?: string) {
  const settings = readSettings(env, configFile);
  if (settings.databaseSyncUrl !== undefined && !(settings.databaseUrl ?? "file:").startsWith("file:")) {
    throw new ConfigError("GG_DATABASE_SYNC_URL needs a file: GG_DATABASE_URL (the local replica)");
  }
  if (settings.smtpUrl !== undefined && settings.mailFrom === undefined) {
    throw new ConfigError("GG_MAIL_FROM is required with GG_SMTP_URL (the From of sent mail, e.g. no-reply@example.com)");
  }
  const rateLimits = Object.fromEntries(RATE_LIMIT_KNOB_NAMES.map((knob) => [knob, settings[knob]])) as RateLimitSettings;
  // Gathered below as the runtime takes them; the flat names leave the config.
  const rest = without(settings, [...RATE_LIMIT_KNOB_NAMES, ...WEBHOOK_SETTING_NAMES, ...MAIL_SETTING_NAMES, ...SUBSCRIPTION_SETTING_NAMES]);
  return {
    ...rest,
    databaseUrl: settings.databaseUrl ?? `file:${join(settings.dataDir, "geckoguard.db")}`,
    publicUrl: (settings.publicUrl ?? `http://localhost:${settings.port}`).replace(/\/+$/, ""),
    rateLimits,
    webhooks: {
      allowHttp: settings.allowHttpWebhooks,
      worker: settings.webhookWorker,
      backoffBaseMs: settings.webhookBackoffBaseMs,
      pollIntervalMs: settings.webhookPollMs,
      concurrency: settings.webhookConcurrency,
      drainMs: settings.webhookDrainMs,
    },
    mail: {
      smtpUrl: settings.smtpUrl,
      from: settings.mailFrom,
      worker: settings.mailWorker,
      backoffBaseMs: settings.mailBackoffBaseMs,
      pollIntervalMs: settings.mailPollMs,
    },
    subscriptions: { worker: settings.subscriptionClock, pollIntervalMs: settings.subscriptionClockMs },
  };
}
