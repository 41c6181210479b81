import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemClock, type Clock, type Store } from "@geckoguard/core";
import { openDatabase } from "../open-database.ts";
import { migrate } from "../migrations/migrate.ts";
import { createLibsqlStore } from "../store.ts";

/**
 * A migrated libSQL store on a file in a fresh temp directory, for tests. A file, not
 * `:memory:`: the libSQL client hands its connection to a transaction and opens a new
 * one afterwards, which for `:memory:` would be a different, empty database.
 */
export async function openTempStore(clock: Clock = systemClock): Promise<{ store: Store; dir: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "gg-store-"));
  const database = await openDatabase({ url: `file:${join(dir, "test.db")}` });
  await migrate(database.client);
  const store = createLibsqlStore(database.db, { clock, mailLog: () => {} });
  return {
    store,
    dir,
    async close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
