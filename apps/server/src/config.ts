import { join } from "node:path";
import type { RateLimitSettings } from "@geckoguard/core";
import { ConfigError } from "./config-error.ts";
import { readSettings, type Env } from "./settings/read-settings.ts";
import { RATE_LIMIT_KNOBS, RATE_LIMIT_SETTINGS } from "./settings/rate-limits.ts";

export { ConfigError };

export interface ServerConfig {
  /** The config file the settings were read from, if any. */
  configFile: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  databaseSyncUrl: string | undefined;
  databaseSyncIntervalSeconds: number;
  jwtSecret: string | undefined;
  metricsToken: string | undefined;
  publicUrl: string;
  bodyLimitBytes: number;
  importLimitBytes: number;
  logLevel: "info" | "warn" | "error" | "silent";
  /** Where rate limits, idempotency records and nonces live: this process, or the database (several processes). */
  sharedState: "memory" | "database";
  /** SQLite `synchronous` for the authorize path's writes on an embedded file. */
  synchronous: "normal" | "full";
  /** Where the authorize path's SQLite work runs on an embedded file: its own thread or the HTTP one. */
  authorizeThread: "worker" | "main";
  /** Per-minute limits of every rate-limit bucket (docs/authentication.md#rate-limits). */
  rateLimits: RateLimitSettings;
  /** Reverse proxies of ours in front: 0 = the socket address is the client; n = n-th X-Forwarded-For entry from the right. */
  trustedProxyHops: number;
  /** On SIGTERM, how long requests in flight may finish. */
  shutdownTimeoutMs: number;
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  /** GG_ALLOW_HTTP_WEBHOOKS=1: http:// and loopback targets allowed (development, tests); warned at start. */
  allowHttp: boolean;
  /** Run the delivery worker in this process (GG_WEBHOOK_WORKER=0: API only, another process delivers). */
  worker: boolean;
  backoffBaseMs: number;
  pollIntervalMs: number;
  concurrency: number;
  /** On SIGTERM, how long attempts in flight may finish before they are aborted. */
  drainMs: number;
}

/** The environment variable of each rate-limit knob. */
export const RATE_LIMIT_VARIABLES = Object.fromEntries(
  Object.entries(RATE_LIMIT_KNOBS).map(([knob, setting]) => [knob, RATE_LIMIT_SETTINGS[setting].variable]),
) as Record<keyof RateLimitSettings, string>;

/**
 * Reads and validates every setting (settings/table.ts) from the environment and an
 * optional config file; defaults run embedded with zero set-up.
 */
export function loadConfig(env: Env = process.env, configFile?: string): ServerConfig {
  const settings = readSettings(env, configFile);
  if (settings.databaseSyncUrl !== undefined && !(settings.databaseUrl ?? "file:").startsWith("file:")) {
    throw new ConfigError("GG_DATABASE_SYNC_URL needs a file: GG_DATABASE_URL (the local replica)");
  }
  const rateLimits = {} as RateLimitSettings;
  for (const [knob, setting] of Object.entries(RATE_LIMIT_KNOBS) as [keyof RateLimitSettings, (typeof RATE_LIMIT_KNOBS)[keyof RateLimitSettings]][]) {
    rateLimits[knob] = settings[setting];
  }
  return {
    configFile: settings.configFile,
    port: settings.port,
    host: settings.host,
    dataDir: settings.dataDir,
    databaseUrl: settings.databaseUrl ?? `file:${join(settings.dataDir, "geckoguard.db")}`,
    databaseAuthToken: settings.databaseAuthToken,
    databaseSyncUrl: settings.databaseSyncUrl,
    databaseSyncIntervalSeconds: settings.databaseSyncIntervalSeconds,
    jwtSecret: settings.jwtSecret,
    metricsToken: settings.metricsToken,
    publicUrl: (settings.publicUrl ?? `http://localhost:${settings.port}`).replace(/\/+$/, ""),
    bodyLimitBytes: settings.bodyLimitBytes,
    importLimitBytes: settings.importLimitBytes,
    logLevel: settings.logLevel,
    sharedState: settings.sharedState,
    synchronous: settings.synchronous,
    authorizeThread: settings.authorizeThread,
    rateLimits,
    trustedProxyHops: settings.trustedProxyHops,
    shutdownTimeoutMs: settings.shutdownTimeoutMs,
    webhooks: {
      allowHttp: settings.allowHttpWebhooks,
      worker: settings.webhookWorker,
      backoffBaseMs: settings.webhookBackoffBaseMs,
      pollIntervalMs: settings.webhookPollMs,
      concurrency: settings.webhookConcurrency,
      drainMs: settings.webhookDrainMs,
    },
  };
}
