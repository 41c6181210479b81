import { Elysia } from "elysia";
import { silentLogger, type Logger } from "@geckoguard/core";
import { DEFAULT_BODY_LIMIT_BYTES, parseJsonBody } from "./http/body-parser.ts";
import { recordClientIp } from "./http/client-ip.ts";
import { withInProcessDefaults, type GeckoguardContext } from "./http/context-defaults.ts";
import { mapError } from "./http/error-mapper.ts";
import { finishIdempotentRequest, keepRawBody } from "./http/idempotency.ts";
import { healthRoutes } from "./routes/health.ts";
import { authRoutes } from "./routes/auth.ts";
import { meRoutes } from "./routes/me.ts";
import { orgRoutes } from "./routes/orgs.ts";
import { productRoutes } from "./routes/products.ts";

const JSON_BODY_TYPES = ["", "application/json", "text/plain", "application/x-www-form-urlencoded"];

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
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const proxyHops = options.trustedProxyHops ?? 0;
  return new Elysia({ name: "geckoguard", prefix: options.prefix ?? "" })
    .onRequest(({ request, server }) => recordClientIp(request, server, proxyHops))
    .onError({ as: "global" }, async ({ code, error, set, request }) => {
      const answer = mapError(code, error, set, logger);
      await finishIdempotentRequest(ctx, request, set.status, answer);
      return answer;
    })
    .onParse({ as: "global" }, async ({ request, contentType }) => {
      // The API speaks JSON only: a body sent without (or with a form/text) content type is
      // still read as JSON, so a forgotten header gives a JSON error, not a confusing one.
      if (JSON_BODY_TYPES.some((type) => contentType.startsWith(type))) {
        const keepRaw = request.headers.has("idempotency-key") ? (text: string) => keepRawBody(request, text) : undefined;
        return (await parseJsonBody(request, bodyLimit, keepRaw)) ?? {};
      }
    })
    .onAfterHandle({ as: "global" }, ({ request, set, response }) => finishIdempotentRequest(ctx, request, set.status, response))
    .use(healthRoutes(ctx, { version: options.version ?? "0.0.0", startedAt: ctx.clock.now() }))
    .use(authRoutes(ctx))
    .use(meRoutes(ctx))
    .use(orgRoutes(ctx))
    .use(productRoutes(ctx));
}
