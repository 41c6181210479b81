import { startServer, type StartOptions } from "./server-process.ts";

/** A real server that may deliver to 127.0.0.1, with backoff and polling shortened for tests. */
export function startWebhookServer(options: StartOptions = {}) {
  return startServer({
    ...options,
    env: { GG_ALLOW_HTTP_WEBHOOKS: "1", GG_WEBHOOK_BACKOFF_BASE_MS: "50", GG_WEBHOOK_POLL_MS: "50", ...options.env },
  });
}
