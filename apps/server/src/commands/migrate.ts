import { migrate, openDatabase } from "@geckoguard/store-libsql";
import type { ServerConfig } from "../config.ts";
import { prepareDataDirs } from "../data-dir.ts";

/** `geckoguard migrate`: applies pending migrations and reports them. */
export async function migrateCommand(config: ServerConfig): Promise<void> {
  prepareDataDirs(config, { jwtSecret: false });
  const database = await openDatabase({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    syncUrl: config.databaseSyncUrl,
  });
  try {
    const applied = await migrate(database.client);
    console.log(applied.length === 0 ? "Database is up to date." : `Applied: ${applied.join(", ")}`);
  } finally {
    database.close();
  }
}
