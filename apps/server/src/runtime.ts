import { argon2idHasher, inProcessNonceStore, jwtAccessTokens, systemClock, type AuthorizeDeps, type GgContext, type Logger } from "@geckoguard/core";
import {
  clientRunner,
  createLibsqlStore,
  migrate,
  nativeRunner,
  openDatabase,
  sharedNonceStore,
  sqlAuthorizeStore,
  type GgDatabase,
  type SqlRunner,
} from "@geckoguard/store-libsql";
import type { ServerConfig } from "./config.ts";
import { loadJwtSecret } from "./jwt-secret.ts";
import { prepareDataDirs } from "./data-dir.ts";

export interface Runtime {
  database: GgDatabase;
  context: GgContext;
  authorize: Omit<AuthorizeDeps, "clock">;
  appliedMigrations: string[];
  /** Flushes batched writes and closes every connection. */
  close(): Promise<void>;
}

/** Embedded file: the synchronous engine for the hot path; remote and replica: the client. */
function hotPathRunner(config: ServerConfig, database: GgDatabase): SqlRunner {
  if (database.mode !== "embedded") return clientRunner(database.client);
  const path = config.databaseUrl.slice("file:".length).split("?")[0]!;
  return nativeRunner(path, { busyTimeoutMs: 5000, synchronous: config.synchronous, writeLock: database.writeLock });
}

/** The composition root: opens the database, migrates it and wires the ports. */
export async function startRuntime(config: ServerConfig, logger: Logger): Promise<Runtime> {
  prepareDataDirs(config, { jwtSecret: true });
  const jwtSecret = loadJwtSecret(config.jwtSecret, config.dataDir);
  const database = await openDatabase({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    syncUrl: config.databaseSyncUrl,
    syncIntervalSeconds: config.databaseSyncIntervalSeconds,
  });
  try {
    const appliedMigrations = await migrate(database.client);
    const clock = systemClock;
    const store = createLibsqlStore(database.db, {
      clock,
      mailLog: (line) => logger.info(line.event, { mailId: line.mailId, to: line.to, subject: line.subject }),
    });
    const context: GgContext = {
      store,
      clock,
      passwords: argon2idHasher(),
      accessTokens: jwtAccessTokens(jwtSecret),
      publicUrl: config.publicUrl,
    };
    const runner = hotPathRunner(config, database);
    const authorizeStore = sqlAuthorizeStore(runner, {
      flushIntervalMs: 500,
      onError: (error) => logger.error("authorize.flush_failed", { errorClass: (error as { name?: string })?.name }),
    });
    authorizeStore.start();
    const nonces = config.sharedState === "database" ? sharedNonceStore(runner) : inProcessNonceStore();
    return {
      database,
      context,
      authorize: { store: authorizeStore, nonces },
      appliedMigrations,
      async close() {
        await authorizeStore.stop();
        runner.close();
        database.close();
      },
    };
  } catch (error) {
    database.close();
    throw error;
  }
}
