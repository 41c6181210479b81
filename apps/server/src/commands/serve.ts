import { Elysia } from "elysia";
import { geckoguard } from "@geckoguard/elysia";
import { prepareLogin } from "@geckoguard/core";
import type { ServerConfig } from "../config.ts";
import { jsonLogger } from "../logger.ts";
import { startRuntime } from "../runtime.ts";
import { drainAndClose, type Closer } from "../shutdown.ts";
import { VERSION } from "../version.ts";
import { startWebhookDelivery } from "../webhook-delivery.ts";

/** `geckoguard serve`: migrate, listen, deliver webhooks; on SIGTERM/SIGINT drain, flush and close the database. */
export async function serve(config: ServerConfig): Promise<void> {
  const logger = jsonLogger(config.logLevel);
  if (config.webhooks.allowHttp) {
    logger.warn("webhooks.http_allowed", { setting: "GG_ALLOW_HTTP_WEBHOOKS", detail: "http:// and loopback webhook URLs are accepted; for development only" });
  }
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
      metrics: { token: config.metricsToken },
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
  logger.info("server.listening", {
    port: server.port,
    host: config.host,
    database: runtime.database.mode,
    sharedState: config.sharedState,
    version: VERSION,
  });

  // What runs after the HTTP drain, in order. Background workers that write through the
  // runtime (e.g. webhook delivery) stop before it; the runtime flushes the authorize
  // write-behind and closes the database last.
  const webhooks = startWebhookDelivery(runtime.context, config.webhooks, logger);
  const closers: Closer[] = [
    // Attempts in flight get GG_WEBHOOK_DRAIN_MS; aborted ones are logged and retried by the next start.
    ...(webhooks === null ? [] : [{ name: "webhooks", close: () => webhooks.stop(config.webhooks.drainMs) }]),
    { name: "runtime", close: () => runtime.close() },
  ];

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("server.stopping", { signal });
    const clean = await drainAndClose(server, closers, { timeoutMs: config.shutdownTimeoutMs, logger });
    logger.info("server.stopped", { clean });
    process.exit(clean ? 0 : 1);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
