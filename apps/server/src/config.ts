import { join } from "node:path";
import { ConfigError } from "./config-error.ts";
import { readSettings, type Env } from "./settings/read-settings.ts";

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
  /** On SIGTERM, how long requests in flight may finish. */
  shutdownTimeoutMs: number;
}

/**
 * Reads and validates every setting (settings/table.ts) from the environment and an
 * optional config file; defaults run embedded with zero set-up.
 */
export function loadConfig(env: Env = process.env, configFile?: string): ServerConfig {
  const settings = readSettings(env, configFile);
  if (settings.databaseSyncUrl !== undefined && !(settings.databaseUrl ?? "file:").startsWith("file:")) {
    throw new ConfigError("GG_DATABASE_SYNC_URL needs a file: GG_DATABASE_URL (the local replica)");
  }
  return {
    ...settings,
    databaseUrl: settings.databaseUrl ?? `file:${join(settings.dataDir, "geckoguard.db")}`,
    publicUrl: (settings.publicUrl ?? `http://localhost:${settings.port}`).replace(/\/+$/, ""),
  };
}
