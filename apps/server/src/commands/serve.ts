import { Elysia } from "elysia";
import { geckoguard } from "@geckoguard/elysia";
import { prepareLogin } from "@geckoguard/core";
import type { ServerConfig } from "../config.ts";
import { jsonLogger } from "../logger.ts";
import { startRuntime } from "../runtime.ts";
import { VERSION } from "../version.ts";
import { startWebhookDelivery } from "../webhook-delivery.ts";

/** `geckoguard serve`: migrate, listen, deliver webhooks; on SIGTERM/SIGINT drain and close the database. */
export async function serve(config: ServerConfig): Promise<void> {
  const logger = jsonLogger(config.logLevel);
  const runtime = await startRuntime(config, logger);
  if (runtime.appliedMigrations.length > 0) logger.info("database.migrated", { applied: runtime.appliedMigrations });
  await prepareLogin(runtime.context);

  const app = new Elysia().use(
    geckoguard({
      context: runtime.context,
      authorize: runtime.authorize,
      version: VERSION,
      logger,
      bodyLimitBytes: config.bodyLimitBytes,
      importLimitBytes: config.importLimitBytes,
      trustedProxyHops: config.trustedProxyHops,
    }),
  );
  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve({
      port: config.port,
      hostname: config.host,
      // The plugin enforces the body limits itself (JSON bodies, imports, authorize): a
      // declared Content-Length over it is refused before reading, a streamed body is cut
      // as soon as it passes it, and both answer the enveloped 413. Bun's own cap would
      // answer a bare 413 first, so it is off.
      maxRequestBodySize: Number.MAX_SAFE_INTEGER,
      fetch: (request) => app.handle(request),
    });
    // What `.listen()` would do: Elysia's `server` is how the plugin reads client IPs.
    app.server = server;
  } catch (error) {
    await runtime.close();
    if ((error as { code?: string }).code === "EADDRINUSE") throw new Error(`Port ${config.port} is already in use; set PORT to a free one`);
    throw error;
  }
  const webhookWorker = startWebhookDelivery(runtime.context, config.webhooks, logger);
  logger.info("server.listening", {
    port: server.port,
    host: config.host,
    database: runtime.database.mode,
    sharedState: config.sharedState,
    version: VERSION,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("server.stopping", { signal });
    await server.stop(false);
    // Attempts in flight get a bounded time to finish; aborted ones are logged and retried by the next start.
    await webhookWorker?.stop(config.webhooks.drainMs);
    await runtime.close();
    logger.info("server.stopped", {});
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
