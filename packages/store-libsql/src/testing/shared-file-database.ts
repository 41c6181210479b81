import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type GgDatabase } from "../open-database.ts";
import { migrate } from "../migrations/migrate.ts";

/**
 * A migrated database file in a temp folder and two connections to it, standing in for
 * two server processes; `reopen` closes every connection first, as a restart would.
 */
export async function sharedFileDatabase<T>(adapter: (db: GgDatabase["db"]) => T) {
  const dir = mkdtempSync(join(tmpdir(), "gg-shared-"));
  const url = `file:${join(dir, "geckoguard.db")}`;
  let open: GgDatabase[] = [];
  const connect = async () => {
    const database = await openDatabase({ url });
    open.push(database);
    return database;
  };
  const first = await connect();
  await migrate(first.client);
  const second = await connect();
  const closeAll = () => {
    for (const database of open) database.close();
    open = [];
  };
  return {
    stores: [adapter(first.db), adapter(second.db)] as [T, T],
    async reopen(): Promise<T> {
      closeAll();
      return adapter((await connect()).db);
    },
    async close() {
      closeAll();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
