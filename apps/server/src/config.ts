import { join } from "node:path";
import { DEFAULT_RATE_LIMITS, MAX_PER_MIN, type RateLimitSettings } from "@geckoguard/core";

/** A setting the operator got wrong; main prints its message as one line and exits 1. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  databaseSyncUrl: string | undefined;
  jwtSecret: string | undefined;
  publicUrl: string;
  bodyLimitBytes: number;
  importLimitBytes: number;
  logLevel: "info" | "warn" | "error" | "silent";
  /** Where rate limits, idempotency records and nonces live: this process, or the database (several processes). */
  sharedState: "memory" | "database";
  /** SQLite `synchronous` for the authorize path's writes on an embedded file. */
  synchronous: "normal" | "full";
  /** Per-minute limits of every rate-limit bucket (CONTRACT §7). */
  rateLimits: RateLimitSettings;
  /** Reverse proxies of ours in front: 0 = the socket address is the client; n = n-th X-Forwarded-For entry from the right. */
  trustedProxyHops: number;
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  /** GG_ALLOW_HTTP_WEBHOOKS=1: http:// and private/loopback targets allowed (development, tests). */
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
export const RATE_LIMIT_VARIABLES: Record<keyof RateLimitSettings, string> = {
  ipPerMin: "GG_RATE_LIMIT_IP_PER_MIN",
  authIpPerMin: "GG_RATE_LIMIT_AUTH_IP_PER_MIN",
  authAccountPerMin: "GG_RATE_LIMIT_AUTH_ACCOUNT_PER_MIN",
  apiKeyIpPerMin: "GG_RATE_LIMIT_APIKEY_IP_PER_MIN",
  keyPerMin: "GG_RATE_LIMIT_KEY_PER_MIN",
  productPerMin: "GG_RATE_LIMIT_PRODUCT_PER_MIN",
  licensePerMin: "GG_RATE_LIMIT_LICENSE_PER_MIN",
};

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got '${raw}'`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${allowed.join(", ")}, got '${raw}'`);
  return raw as T;
}

function databaseUrl(env: Env, dataDir: string): string {
  const raw = env.GG_DATABASE_URL;
  if (raw === undefined || raw === "") return `file:${join(dataDir, "geckoguard.db")}`;
  if (!/^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/.test(raw)) {
    throw new ConfigError(`GG_DATABASE_URL must start with file:, libsql://, http(s):// or ws(s)://, got '${raw.split(":")[0]}:…'`);
  }
  return raw;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw === "1" || raw === "true") return true;
  if (raw === "0" || raw === "false") return false;
  throw new ConfigError(`${name} must be 1 or 0, got '${raw}'`);
}

function webhookConfig(env: Env): WebhookConfig {
  return {
    allowHttp: flag(env, "GG_ALLOW_HTTP_WEBHOOKS", false),
    worker: flag(env, "GG_WEBHOOK_WORKER", true),
    backoffBaseMs: integer(env, "GG_WEBHOOK_BACKOFF_BASE_MS", 60_000, 1, 3_600_000),
    pollIntervalMs: integer(env, "GG_WEBHOOK_POLL_MS", 1000, 10, 60_000),
    concurrency: integer(env, "GG_WEBHOOK_CONCURRENCY", 16, 1, 256),
    drainMs: integer(env, "GG_WEBHOOK_DRAIN_MS", 10_000, 0, 60_000),
  };
}

function rateLimits(env: Env): RateLimitSettings {
  const settings = { ...DEFAULT_RATE_LIMITS };
  for (const [knob, name] of Object.entries(RATE_LIMIT_VARIABLES) as [keyof RateLimitSettings, string][]) {
    settings[knob] = integer(env, name, DEFAULT_RATE_LIMITS[knob], 1, MAX_PER_MIN);
  }
  return settings;
}

/** GG_TRUST_PROXY: false (default) or true (one proxy), or the number of proxies in front. */
function trustedProxyHops(env: Env): number {
  const raw = env.GG_TRUST_PROXY?.trim().toLowerCase();
  if (raw === undefined || raw === "" || raw === "false") return 0;
  if (raw === "true") return 1;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`GG_TRUST_PROXY must be true, false or the number of proxies in front, got '${raw}'`);
  return integer(env, "GG_TRUST_PROXY", 0, 0, 10);
}

/** Reads and validates every setting; defaults run embedded with zero set-up. */
export function loadConfig(env: Env = process.env): ServerConfig {
  const port = integer(env, "PORT", 8787, 0, 65535);
  const dataDir = env.GG_DATA_DIR || "./data";
  const jwtSecret = env.GG_JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) throw new ConfigError("GG_JWT_SECRET must be at least 32 characters");
  return {
    port,
    host: env.GG_HOST || "0.0.0.0",
    dataDir,
    databaseUrl: databaseUrl(env, dataDir),
    databaseAuthToken: env.GG_DATABASE_AUTH_TOKEN || undefined,
    databaseSyncUrl: env.GG_DATABASE_SYNC_URL || undefined,
    jwtSecret,
    publicUrl: (env.GG_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ""),
    bodyLimitBytes: integer(env, "GG_BODY_LIMIT_BYTES", 1024 * 1024, 1024, 1024 * 1024 * 1024),
    importLimitBytes: integer(env, "GG_IMPORT_LIMIT_BYTES", 512 * 1024 * 1024, 1024, 4 * 1024 * 1024 * 1024),
    logLevel: oneOf(env, "GG_LOG_LEVEL", ["info", "warn", "error", "silent"] as const, "info"),
    sharedState: oneOf(env, "GG_SHARED_STATE", ["memory", "database"] as const, "memory"),
    synchronous: oneOf(env, "GG_SYNCHRONOUS", ["normal", "full"] as const, "normal"),
    rateLimits: rateLimits(env),
    trustedProxyHops: trustedProxyHops(env),
    webhooks: webhookConfig(env),
  };
}
