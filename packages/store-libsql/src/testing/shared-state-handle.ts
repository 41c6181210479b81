import { join } from "node:path";
import { clientRunner, nativeRunner, type SqlRunner } from "../authorize/sql-runner.ts";
import { openTempStore } from "./temp-store.ts";

/**
 * A shared-state adapter on a migrated temp file, twice: over the native engine and over
 * the client, as two server processes would hold it; `reopen` closes the native
 * connection first and opens a new one, as a restart would.
 */
export async function sharedStateHandle<T>(adapter: (runner: SqlRunner) => T) {
  const temp = await openTempStore();
  const path = join(temp.dir, "gg.db");
  const open = () => nativeRunner(path, { busyTimeoutMs: 5000, synchronous: "normal", writeLock: null });
  let native = open();
  return {
    stores: [adapter(native), adapter(clientRunner(temp.database.client))] as [T, T],
    async reopen() {
      native.close();
      native = open();
      return adapter(native);
    },
    close() {
      native.close();
      temp.close();
    },
  };
}
