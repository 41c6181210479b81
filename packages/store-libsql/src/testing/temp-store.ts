import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { manualClock, newUserRecord, type Store, type UserRecord } from "@geckoguard/core";
import { openDatabase, type GgDatabase } from "../connection/open-database.ts";
import { migrate } from "../migrations/migrate.ts";
import { createLibsqlStore } from "../store.ts";

export interface TempStore {
  store: Store;
  /** The temp folder holding the database file `gg.db`. */
  dir: string;
  database: GgDatabase;
  clock: ReturnType<typeof manualClock>;
  /** Another connection to the same file, as a second server process would have. */
  openAnother(): Promise<Store>;
  count(table: string): Promise<number>;
  close(): void;
}

/** A migrated libSQL file in a temp folder, for store tests. */
export async function openTempStore(options: { busyTimeoutMs?: number } = {}): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), "gg-store-"));
  const url = `file:${join(dir, "gg.db")}`;
  const clock = manualClock(Date.UTC(2026, 10, 27, 10));
  const databases: GgDatabase[] = [await openDatabase({ url, ...options })];
  await migrate(databases[0]!.client);
  const storeOn = (database: GgDatabase) => createLibsqlStore(database.db, { clock, mailLog: () => {} });
  return {
    store: storeOn(databases[0]!),
    dir,
    database: databases[0]!,
    clock,
    async openAnother() {
      const database = await openDatabase({ url, ...options });
      databases.push(database);
      return storeOn(database);
    },
    async count(table) {
      const result = await databases[0]!.client.execute(`SELECT count(*) AS n FROM ${table}`);
      return Number(result.rows[0]!.n);
    },
    close() {
      for (const database of databases) database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A user record ready to insert (the password hash is a placeholder: stores do not check it). */
export function newUser(now: number, email = `user-${++counter}@example.com`): UserRecord {
  return newUserRecord({ email, passwordHash: "$argon2id$placeholder" }, now);
}
