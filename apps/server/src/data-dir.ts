import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ConfigError, type ServerConfig } from "./config.ts";
import { errorCode } from "./config-error.ts";

/** Creates `dir` when missing and proves it is a writable directory, else a ConfigError naming `variable`. */
export function ensureWritableDir(dir: string, variable: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    // mkdir -p on an existing file says EEXIST, which reads oddly to an operator.
    const reason = errorCode(error) === "EEXIST" && !statSync(dir).isDirectory() ? "it is a file" : errorCode(error);
    throw new ConfigError(`${variable} '${dir}' is not a writable directory (${reason})`);
  }
}

/** The path of an embedded database file (`file:` URL), or null for remote and in-memory ones. */
export function localDatabaseFile(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  const path = url.slice("file:".length).split("?")[0]!;
  return path === "" || path === ":memory:" ? null : path;
}

/**
 * Checks, before anything is opened, that the folders the server writes to exist or can
 * be made, and are writable: the data directory (JWT secret, default database) and the
 * folder of a `file:` database. The message names the variable to fix.
 */
export function prepareDataDirs(config: ServerConfig, needs: { jwtSecret: boolean }): void {
  if (needs.jwtSecret && config.jwtSecret === undefined) ensureWritableDir(config.dataDir, "GG_DATA_DIR");
  const file = localDatabaseFile(config.databaseUrl);
  if (file === null) return;
  const folder = dirname(file);
  ensureWritableDir(folder, resolve(folder) === resolve(config.dataDir) ? "GG_DATA_DIR" : "GG_DATABASE_URL");
}
