import type { Logger } from "@geckoguard/core";
import { openGeckoguardRuntime, type GeckoguardRuntime } from "@geckoguard/store-libsql";
import type { ServerConfig } from "./config.ts";
import { loadJwtSecret } from "./jwt-secret.ts";
import { prepareDataDirs } from "./data-dir.ts";

export type Runtime = GeckoguardRuntime;

/** Set by apps/server/build.ts in the compiled binary, where the authorize worker is embedded. */
declare const GG_AUTHORIZE_WORKER_URL: string | undefined;
const compiledWorkerUrl = typeof GG_AUTHORIZE_WORKER_URL === "string" ? GG_AUTHORIZE_WORKER_URL : undefined;

/** The server's side of composition: checks its folders and secret, then the shared libSQL runtime. */
export async function startRuntime(config: ServerConfig, logger: Logger): Promise<Runtime> {
  prepareDataDirs(config, { jwtSecret: true });
  return openGeckoguardRuntime({
    databaseUrl: config.databaseUrl,
    databaseAuthToken: config.databaseAuthToken,
    databaseSyncUrl: config.databaseSyncUrl,
    databaseSyncIntervalSeconds: config.databaseSyncIntervalSeconds,
    jwtSecret: loadJwtSecret(config.jwtSecret, config.dataDir),
    publicUrl: config.publicUrl,
    sharedState: config.sharedState,
    synchronous: config.synchronous,
    authorizeThread: config.authorizeThread,
    authorizeWorkerUrl: compiledWorkerUrl,
    rateLimits: config.rateLimits,
    allowInsecureWebhooks: config.webhooks.allowHttp,
    logger,
  });
}
