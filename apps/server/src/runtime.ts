import { createHmac } from "node:crypto";
import {
  argon2idHasher,
  createIdempotency,
  createRateLimiter,
  inProcessIdempotencyStore,
  inProcessRateLimitStore,
  jwtAccessTokens,
  systemClock,
  type GgContext,
  type Logger,
} from "@geckoguard/core";
import {
  createLibsqlStore,
  libsqlIdempotencyStore,
  libsqlRateLimitStore,
  migrate,
  openDatabase,
  type GgDatabase,
} from "@geckoguard/store-libsql";
import type { ServerConfig } from "./config.ts";
import { loadJwtSecret } from "./jwt-secret.ts";

export interface Runtime {
  database: GgDatabase;
  context: GgContext;
  appliedMigrations: string[];
}

/** Rate-limit buckets and idempotency records: in this process, or on the database every process shares. */
function sharedStateStores(config: ServerConfig, database: GgDatabase) {
  return config.sharedState === "database"
    ? { rateLimits: libsqlRateLimitStore(database.db), idempotency: libsqlIdempotencyStore(database.db) }
    : { rateLimits: inProcessRateLimitStore(), idempotency: inProcessIdempotencyStore() };
}

/** The composition root: opens the database, migrates it and wires the ports. */
export async function startRuntime(config: ServerConfig, logger: Logger): Promise<Runtime> {
  const jwtSecret = loadJwtSecret(config.jwtSecret, config.dataDir);
  const database = await openDatabase({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    syncUrl: config.databaseSyncUrl,
  });
  try {
    const appliedMigrations = await migrate(database.client);
    const clock = systemClock;
    const store = createLibsqlStore(database.db, {
      clock,
      mailLog: (line) => logger.info(line.event, { mailId: line.mailId, to: line.to, subject: line.subject }),
    });
    const shared = sharedStateStores(config, database);
    const context: GgContext = {
      store,
      clock,
      passwords: argon2idHasher(),
      accessTokens: jwtAccessTokens(jwtSecret),
      publicUrl: config.publicUrl,
      rateLimiter: createRateLimiter({ store: shared.rateLimits, clock, settings: config.rateLimits, logger }),
      idempotency: createIdempotency({
        store: shared.idempotency,
        clock,
        // Its own key, derived from the JWT secret that every process of a deployment shares.
        fingerprintSecret: createHmac("sha256", jwtSecret).update("geckoguard idempotency fingerprints").digest(),
        logger,
      }),
    };
    return { database, context, appliedMigrations };
  } catch (error) {
    database.close();
    throw error;
  }
}
