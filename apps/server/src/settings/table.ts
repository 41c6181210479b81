import { DEFAULT_BODY_LIMIT_BYTES } from "@geckoguard/elysia";
import { LOG_LEVELS, MIN_SECRET_BYTES, RUNTIME_CHOICES, RUNTIME_DEFAULTS } from "@geckoguard/runtime";
import { choice, flag, integer, text, type Setting } from "./kinds.ts";
import { RATE_LIMIT_SETTINGS } from "./rate-limits.ts";
import { WEBHOOK_SETTINGS } from "./webhooks.ts";
import { MAIL_SETTINGS } from "./mail.ts";
import { SUBSCRIPTION_SETTINGS } from "./subscriptions.ts";

const DATABASE_URL = /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/;
const REMOTE_URL = /^(libsql:\/\/|https?:\/\/|wss?:\/\/)/;

/**
 * Every setting of the server, once: `loadConfig` parses them, `geckoguard --help` and
 * docs/configuration.md are rendered from them (a test keeps the doc in step).
 */
export const SETTINGS = {
  configFile: text("GG_CONFIG_FILE", {
    group: "Server",
    fallback: undefined,
    summary: "a KEY=VALUE file read before the environment (the environment wins); also `--config <path>`",
  }),
  port: integer("PORT", { group: "Server", fallback: 8787, min: 0, max: 65535, summary: "listen port (0: any free port)" }),
  host: text("GG_HOST", { group: "Server", fallback: "0.0.0.0", summary: "listen address" }),
  dashboard: flag("GG_DASHBOARD", {
    group: "Server",
    fallback: true,
    summary: "serve the web dashboard at / (docs/dashboard.md); false: API only, and mailed links open small server-rendered pages",
  }),
  dataDir: text("GG_DATA_DIR", { group: "Server", fallback: "./data", summary: "data directory: the database file and the generated JWT secret" }),
  publicUrl: text("GG_PUBLIC_URL", {
    group: "Server",
    fallback: undefined,
    shownDefault: "http://localhost:$PORT",
    summary: "base URL put in mailed links",
    check: (value) => (/^https?:\/\//.test(value) ? null : `must start with http:// or https://, got '${value}'`),
  }),
  databaseUrl: text("GG_DATABASE_URL", {
    group: "Database",
    fallback: undefined,
    shownDefault: "file:$GG_DATA_DIR/geckoguard.db",
    allowed: "file:…, libsql://…, http(s)://…, ws(s)://…",
    summary: "`file:` runs embedded; the others reach a libSQL server or Turso",
    check: (value) =>
      DATABASE_URL.test(value) ? null : `must start with file:, libsql://, http(s):// or ws(s)://, got '${value.split(":")[0]}:…'`,
  }),
  databaseAuthToken: text("GG_DATABASE_AUTH_TOKEN", {
    group: "Database",
    fallback: undefined,
    secret: true,
    summary: "auth token of a remote database, or of an embedded replica's primary",
  }),
  databaseSyncUrl: text("GG_DATABASE_SYNC_URL", {
    group: "Database",
    fallback: undefined,
    allowed: "libsql://…, http(s)://…",
    summary: "with a `file:` GG_DATABASE_URL: keep that file as an embedded replica of this primary",
    check: (value) => (REMOTE_URL.test(value) ? null : `must start with libsql://, http(s):// or ws(s)://, got '${value.split(":")[0]}:…'`),
  }),
  databaseSyncIntervalSeconds: integer("GG_DATABASE_SYNC_INTERVAL_SECONDS", {
    group: "Database",
    fallback: RUNTIME_DEFAULTS.databaseSyncIntervalSeconds,
    min: 0,
    max: 86_400,
    summary: "an embedded replica pulls the primary's changes this often (0: at start and after its own writes only)",
  }),
  synchronous: choice("GG_SYNCHRONOUS", RUNTIME_CHOICES.synchronous, {
    group: "Database",
    fallback: RUNTIME_DEFAULTS.synchronous,
    summary: "SQLite `synchronous` of the authorize path's writes on an embedded file (full: fsync every commit)",
  }),
  authorizeThread: choice("GG_AUTHORIZE_THREAD", RUNTIME_CHOICES.authorizeThread, {
    group: "Database",
    fallback: RUNTIME_DEFAULTS.authorizeThread,
    summary: "where authorize calls run on an embedded file: their own thread (with the database work, checks and signing), or the HTTP thread (`main`)",
  }),
  sharedState: choice("GG_SHARED_STATE", RUNTIME_CHOICES.sharedState, {
    group: "Database",
    fallback: RUNTIME_DEFAULTS.sharedState,
    summary: "where rate-limit buckets, idempotency records and nonces live: `database` when several processes serve one database",
  }),
  jwtSecret: text("GG_JWT_SECRET", {
    group: "Security",
    fallback: undefined,
    shownDefault: "generated",
    allowed: `≥ ${MIN_SECRET_BYTES} characters`,
    secret: true,
    summary: "signs access tokens; unset: generated once and kept in $GG_DATA_DIR/jwt-secret",
    check: (value) => (value.length >= MIN_SECRET_BYTES ? null : `must be at least ${MIN_SECRET_BYTES} characters`),
  }),
  registration: choice("GG_REGISTRATION", RUNTIME_CHOICES.registration, {
    group: "Security",
    fallback: RUNTIME_DEFAULTS.registration,
    summary:
      "who may sign up through POST /v1/auth/register: `first` until the first account exists, `open` anyone (warned at start on a non-loopback GG_HOST), `closed` nobody; `geckoguard create-admin` works under every policy",
  }),
  metricsToken: text("GG_METRICS_TOKEN", {
    group: "Security",
    fallback: undefined,
    allowed: "≥ 16 characters",
    secret: true,
    summary: "when set, GET /metrics needs `Authorization: Bearer <token>` from any address; unset: /metrics answers loopback callers only (behind GG_TRUST_PROXY, the forwarded client address counts)",
    check: (value) => (value.length >= 16 ? null : "must be at least 16 characters"),
  }),
  bodyLimitBytes: integer("GG_BODY_LIMIT_BYTES", {
    group: "Limits",
    fallback: DEFAULT_BODY_LIMIT_BYTES,
    min: 1024,
    max: 1024 * 1024 * 1024,
    summary: "largest JSON body; larger → 413 PAYLOAD_TOO_LARGE",
  }),
  importLimitBytes: integer("GG_IMPORT_LIMIT_BYTES", {
    group: "Limits",
    fallback: 512 * 1024 * 1024,
    min: 1024,
    max: 4 * 1024 * 1024 * 1024,
    summary: "largest license import body (CSV or JSON)",
  }),
  ...RATE_LIMIT_SETTINGS,
  logLevel: choice("GG_LOG_LEVEL", LOG_LEVELS, {
    group: "Logging and metrics",
    fallback: "info",
    summary: "lowest level written; `info` includes one line per request",
  }),
  ...WEBHOOK_SETTINGS,
  ...MAIL_SETTINGS,
  ...SUBSCRIPTION_SETTINGS,
  shutdownTimeoutMs: integer("GG_SHUTDOWN_TIMEOUT_MS", {
    group: "Shutdown",
    fallback: 8000,
    min: 0,
    max: 600_000,
    summary: "on SIGTERM, how long requests in flight may finish before their connections are closed",
  }),
} satisfies Record<string, Setting<unknown>>;

export type SettingName = keyof typeof SETTINGS;
export type SettingValues = { [K in SettingName]: ReturnType<(typeof SETTINGS)[K]["parse"]> };
