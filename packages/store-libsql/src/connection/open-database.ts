import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import * as schema from "../schema/index.ts";
import { gateLocalWrites, localWriteLock, type LocalWriteLock } from "./local-write-gate.ts";

export interface DatabaseOptions {
  /** `file:./data/geckoguard.db` (embedded), `libsql://…` / `http(s)://…` (remote). */
  url: string;
  /** Auth token for a remote server or Turso, and for the primary of an embedded replica. */
  authToken?: string;
  /** With a `file:` url: keep that file as an embedded replica of this remote primary. */
  syncUrl?: string;
  /** Seconds between background syncs of an embedded replica. */
  syncIntervalSeconds?: number;
  /** How long a local write waits for another process's lock before failing. */
  busyTimeoutMs?: number;
}

export type GgDrizzle = LibSQLDatabase<typeof schema>;

export interface GgDatabase {
  client: Client;
  db: GgDrizzle;
  mode: "embedded" | "remote" | "replica";
  /** This process's turn-taking for writes on a local file (see local-write-gate.ts); other local connections share it. */
  writeLock: LocalWriteLock | null;
  close(): void;
}

function modeOf(options: DatabaseOptions): GgDatabase["mode"] {
  if (!options.url.startsWith("file:")) return "remote";
  return options.syncUrl ? "replica" : "embedded";
}

/**
 * The one factory for every storage mode. A local file gets its folder created and
 * WAL journaling (readers never block the writer; several processes can share it).
 */
export async function openDatabase(options: DatabaseOptions): Promise<GgDatabase> {
  const mode = modeOf(options);
  const path = mode === "remote" ? null : options.url.slice("file:".length).split("?")[0]!;
  const inMemory = path === ":memory:" || path === "";
  if (path !== null && !inMemory) mkdirSync(dirname(path), { recursive: true });
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const driver = createClient({
    url: options.url,
    ...(options.authToken ? { authToken: options.authToken } : {}),
    ...(options.syncUrl ? { syncUrl: options.syncUrl } : {}),
    ...(options.syncIntervalSeconds ? { syncInterval: options.syncIntervalSeconds } : {}),
    timeout: busyTimeoutMs,
  });
  // A local file (embedded or replica) runs statements on this thread: see local-write-gate.ts.
  const writeLock = mode === "remote" ? null : localWriteLock();
  const client =
    writeLock === null ? driver : gateLocalWrites(driver, { busyTimeoutMs, singleConnection: mode === "replica" || inMemory, lock: writeLock });
  if (mode === "replica") await client.sync();
  if (mode === "embedded") await client.execute("PRAGMA journal_mode=WAL");
  return { client, db: drizzle(client, { schema }), mode, writeLock, close: () => client.close() };
}
