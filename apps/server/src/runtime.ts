import { aesGcmSecretBox, argon2idHasher, jwtAccessTokens, systemClock, systemResolveHost, type GgContext, type Logger } from "@geckoguard/core";
import { createLibsqlStore, migrate, openDatabase, type GgDatabase } from "@geckoguard/store-libsql";
import type { ServerConfig } from "./config.ts";
import { loadJwtSecret } from "./jwt-secret.ts";

export interface Runtime {
  database: GgDatabase;
  context: GgContext;
  appliedMigrations: string[];
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
    const context: GgContext = {
      store,
      clock,
      passwords: argon2idHasher(),
      accessTokens: jwtAccessTokens(jwtSecret),
      publicUrl: config.publicUrl,
      webhooks: {
        // Endpoint secrets are sealed under a key derived from the server secret (docs/webhooks.md).
        secrets: aesGcmSecretBox(jwtSecret),
        urlPolicy: { allowHttp: config.webhooks.allowHttp, allowPrivateAddresses: config.webhooks.allowHttp, resolveHost: systemResolveHost },
      },
    };
    return { database, context, appliedMigrations };
  } catch (error) {
    database.close();
    throw error;
  }
}
