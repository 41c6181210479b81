import { Elysia } from "elysia";
import { jsonLogger } from "@geckoguard/runtime";
import type { ServerConfig } from "../config.ts";
import { startRuntime } from "../runtime.ts";
import { logStartupWarnings } from "../startup-warnings.ts";
import { drainAndClose } from "../shutdown.ts";
import { VERSION } from "../version.ts";

/** `geckoguard serve`: migrate, listen, deliver webhooks; on SIGTERM/SIGINT drain, flush and close the database. */
export async function serve(config: ServerConfig): Promise<void> {
  // The server's output is its log: info lines on stdout, warnings and errors on stderr.
  const logger = jsonLogger({ level: config.logLevel, infoTo: "stdout" });
  logStartupWarnings(config, logger);
  const runtime = await startRuntime(config, logger);
  const app = new Elysia().use(runtime.plugin);
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

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("server.stopping", { signal });
    // After the HTTP drain, the runtime stops webhook delivery (attempts in flight get
    // GG_WEBHOOK_DRAIN_MS; aborted ones are retried by the next start), flushes the
    // authorize write-behind and closes the database, in that order.
    const clean = await drainAndClose(server, [{ name: "runtime", close: () => runtime.close() }], { timeoutMs: config.shutdownTimeoutMs, logger });
    logger.info("server.stopped", { clean });
    process.exit(clean ? 0 : 1);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
