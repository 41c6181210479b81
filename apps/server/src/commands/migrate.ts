import { migrate, openDatabase } from "@geckoguard/store-libsql";
import type { ServerConfig } from "../config.ts";

/** `geckoguard migrate`: applies pending migrations and reports them. */
export async function migrateCommand(config: ServerConfig): Promise<void> {
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
