import type { Logger } from "@geckoguard/core";
import { dashboardBuild } from "@geckoguard/dashboard";
import { createGeckoguard, type CreateGeckoguardOptions, type Geckoguard } from "@geckoguard/runtime";
import type { ServerConfig } from "./config.ts";
import { loadJwtSecret } from "./jwt-secret.ts";
import { prepareDataDirs } from "./data-dir.ts";
import { VERSION } from "./version.ts";

/** Set by apps/server/build.ts in the compiled binary, where the authorize worker is embedded. */
declare const GG_AUTHORIZE_WORKER_URL: string | undefined;
const compiledWorkerUrl = typeof GG_AUTHORIZE_WORKER_URL === "string" ? GG_AUTHORIZE_WORKER_URL : undefined;

/** The settings mapped onto the runtime's options (the options are declared there, once). */
export function runtimeOptions(config: ServerConfig, jwtSecret: Uint8Array, logger: Logger): CreateGeckoguardOptions {
  const { allowHttp, ...webhooks } = config.webhooks;
  return {
    databaseUrl: config.databaseUrl,
    databaseAuthToken: config.databaseAuthToken,
    databaseSyncUrl: config.databaseSyncUrl,
    databaseSyncIntervalSeconds: config.databaseSyncIntervalSeconds,
    jwtSecret,
    publicUrl: config.publicUrl,
    registration: config.registration,
    sharedState: config.sharedState,
    synchronous: config.synchronous,
    authorizeThread: config.authorizeThread,
    authorizeWorkerUrl: compiledWorkerUrl,
    rateLimits: config.rateLimits,
    allowInsecureWebhooks: allowHttp,
    webhooks,
    mail: config.mail,
    subscriptions: config.subscriptions,
    logger,
    version: VERSION,
    bodyLimitBytes: config.bodyLimitBytes,
    importLimitBytes: config.importLimitBytes,
    trustedProxyHops: config.trustedProxyHops,
    metrics: { token: config.metricsToken },
    dashboard: config.dashboard ? dashboardBuild : undefined,
  };
}

/**
 * The server's side of composition: checks its folders and secret, then the runtime.
 * Commands that only need the use cases (create-admin) leave webhook delivery to the server.
 */
export async function startRuntime(config: ServerConfig, logger: Logger, overrides: Partial<CreateGeckoguardOptions> = {}): Promise<Geckoguard> {
  prepareDataDirs(config, { jwtSecret: true });
  return createGeckoguard({ ...runtimeOptions(config, loadJwtSecret(config.jwtSecret, config.dataDir), logger), ...overrides });
}
