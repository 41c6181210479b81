import { Elysia } from "elysia";
import { silentLogger, type Logger } from "@geckoguard/core";
import { DEFAULT_BODY_LIMIT_BYTES } from "./http/body-parser.ts";
import { withInProcessDefaults, type GeckoguardContext } from "./http/context-defaults.ts";
import { geckoguardLifecycle } from "./http/lifecycle.ts";
import { healthRoutes } from "./routes/health.ts";
import { authRoutes } from "./routes/auth.ts";
import { meRoutes } from "./routes/me.ts";
import { orgRoutes } from "./routes/orgs.ts";
import { productRoutes } from "./routes/products.ts";

export interface GeckoguardOptions {
  /** Ports and settings for the use cases (the composition root builds it); rate limits and idempotency default to in-process. */
  context: GeckoguardContext;
  /** Mount point inside a host app, e.g. "/licensing"; default none. */
  prefix?: string;
  /** Largest JSON body accepted (default 1 MiB). */
  bodyLimitBytes?: number;
  /**
   * How many reverse proxies of yours stand in front (default 0): with n > 0 the client
   * IP is read from X-Forwarded-For as the n-th entry from the right; with 0 it is the
   * socket's address and X-Forwarded-For is ignored.
   */
  trustedProxyHops?: number;
  version?: string;
  logger?: Logger;
}

/**
 * The whole GeckoGuard API as one Elysia plugin. A host app `.use()`s it beside its own
 * routes; the self-host server mounts it alone. The client IP comes from the server the
 * app listens with (`server.requestIP`), so serve it with `.listen()` or set `app.server`.
 */
export function geckoguard(options: GeckoguardOptions) {
  const logger = options.logger ?? silentLogger;
  const ctx = withInProcessDefaults(options.context, logger);
  const lifecycle = {
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    trustedProxyHops: options.trustedProxyHops ?? 0,
    logger,
  };
  return new Elysia({ name: "geckoguard", prefix: options.prefix ?? "" })
    .use(geckoguardLifecycle(ctx, lifecycle))
    .use(healthRoutes(ctx, { version: options.version ?? "0.0.0", startedAt: ctx.clock.now() }))
    .use(authRoutes(ctx))
    .use(meRoutes(ctx))
    .use(orgRoutes(ctx))
    .use(productRoutes(ctx));
}
