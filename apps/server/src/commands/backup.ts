import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createClient } from "@libsql/client";
import { openDatabase } from "@geckoguard/store-libsql";
import { ConfigError } from "../config-error.ts";
import type { ServerConfig } from "../config.ts";
import { localDatabaseFile } from "../data-dir.ts";

function refuseUnlessEmbedded(config: ServerConfig): string {
  const file = localDatabaseFile(config.databaseUrl);
  if (file === null) {
    throw new ConfigError(
      "backup copies an embedded database file, and GG_DATABASE_URL is remote: back it up where it lives (docs/deploy.md, Backups)",
    );
  }
  if (config.databaseSyncUrl !== undefined) {
    throw new ConfigError("backup refuses an embedded replica (GG_DATABASE_SYNC_URL is set): back up its primary (docs/deploy.md, Backups)");
  }
  if (!existsSync(file)) throw new ConfigError(`there is no database at '${file}'; check GG_DATA_DIR or GG_DATABASE_URL`);
  return file;
}

function checkTarget(target: string): void {
  if (existsSync(target)) throw new ConfigError(`'${target}' already exists; backup never overwrites a file`);
  const folder = dirname(resolve(target));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new ConfigError(`the folder of '${target}' does not exist`);
}

async function quickCheck(path: string): Promise<string> {
  const snapshot = createClient({ url: `file:${path}` });
  try {
    return String((await snapshot.execute("PRAGMA quick_check")).rows[0]?.[0]);
  } finally {
    snapshot.close();
  }
}

/**
 * `geckoguard backup <file>`: a consistent snapshot of the embedded database with
 * `VACUUM INTO`, safe while the server runs (a read transaction: writers go on). It is
 * written beside the target, checked, flushed to disk and only then renamed into place,
 * so `<file>` is either a complete backup or absent.
 */
export async function backupCommand(config: ServerConfig, args: string[]): Promise<void> {
  const [target, extra] = args;
  if (target === undefined || extra !== undefined) throw new ConfigError("backup takes one argument: the file to write");
  const source = refuseUnlessEmbedded(config);
  checkTarget(target);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const database = await openDatabase({ url: config.databaseUrl });
  try {
    await database.client.execute({ sql: "VACUUM INTO ?", args: [partial] });
  } finally {
    database.close();
  }
  try {
    const check = await quickCheck(partial);
    if (check !== "ok") throw new Error(`the snapshot failed its integrity check (${check})`);
    const fd = openSync(partial, "r+");
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  console.log(`Backed up ${source} to ${target} (${statSync(target).size} bytes).`);
}
