import { Elysia } from "elysia";
import { silentLogger, type AuthorizeDeps, type GgContext, type Logger } from "@geckoguard/core";
import { DEFAULT_BODY_LIMIT_BYTES, parseJsonBody } from "./http/body-parser.ts";
import { mapError } from "./http/error-mapper.ts";
import { HttpMetrics } from "./http/metrics.ts";
import { requestObservability } from "./http/request-log.ts";
import { metricsRoutes } from "./routes/metrics.ts";
import { healthRoutes } from "./routes/health.ts";
import { authRoutes } from "./routes/auth.ts";
import { meRoutes } from "./routes/me.ts";
import { orgRoutes } from "./routes/orgs.ts";
import { productRoutes } from "./routes/products.ts";
import { orgLicenseRoutes } from "./routes/org-licenses.ts";
import { dashboardLicenseRoutes } from "./routes/dashboard-licenses.ts";
import { licenseSessionRoutes } from "./routes/license-sessions.ts";
import { orgEndUserRoutes } from "./routes/org-end-users.ts";
import { managementLicenseRoutes } from "./routes/management-licenses.ts";
import { managementEndUserRoutes } from "./routes/management-end-users.ts";
import { DEFAULT_IMPORT_LIMIT_BYTES, licenseTransferRoutes } from "./routes/license-transfer.ts";
import { authorizeRoutes } from "./routes/authorize.ts";
import { apiKeyRoutes } from "./routes/api-keys.ts";
import { managementApiKeyRoutes } from "./routes/management-api-keys.ts";
import { blacklistRoutes } from "./routes/blacklists.ts";
import { managementBlacklistRoutes } from "./routes/management-blacklists.ts";

const JSON_BODY_TYPES = ["", "application/json", "text/plain", "application/x-www-form-urlencoded"];

export interface GeckoguardOptions {
  /** Ports and settings for the use cases (the composition root builds it). */
  context: GgContext;
  /** The authorize hot path's own ports (see @geckoguard/store-libsql's sqlAuthorizeStore). */
  authorize: Omit<AuthorizeDeps, "clock">;
  /** Mount point inside a host app, e.g. "/licensing"; default none. */
  prefix?: string;
  /** Largest JSON body accepted (default 1 MiB). */
  bodyLimitBytes?: number;
  /** Largest license import body (default 512 MiB). */
  importLimitBytes?: number;
  version?: string;
  /** Where log lines go, the per-request `http.request` line included (default: nowhere). */
  logger?: Logger;
  /** One `http.request` line per request through `logger` (default true). */
  requestLog?: boolean;
  /** GET /metrics in the Prometheus text format; false turns it off, `token` requires `Authorization: Bearer <token>`. */
  metrics?: false | { token?: string };
}

/**
 * The whole GeckoGuard API as one Elysia plugin. A host app `.use()`s it beside its own
 * routes; the self-host server mounts it alone.
 */
export function geckoguard(options: GeckoguardOptions) {
  const ctx = options.context;
  const logger = options.logger ?? silentLogger;
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const metrics = options.metrics === false ? null : new HttpMetrics();
  return new Elysia({ name: "geckoguard", prefix: options.prefix ?? "" })
    .use(requestObservability({ logger, metrics, log: options.requestLog ?? true }))
    .onError({ as: "global" }, ({ code, error, set }) => mapError(code, error, set, logger))
    // Registered before the JSON parser below, so they read their raw bodies themselves.
    .use(authorizeRoutes({ ...options.authorize, clock: ctx.clock }, { bodyLimitBytes: bodyLimit, logger, metrics }))
    .use(licenseTransferRoutes(ctx, { importLimitBytes: options.importLimitBytes ?? DEFAULT_IMPORT_LIMIT_BYTES }))
    .onParse({ as: "global" }, async ({ request, contentType }) => {
      // The API speaks JSON only: a body sent without (or with a form/text) content type is
      // still read as JSON, so a forgotten header gives a JSON error, not a confusing one.
      if (JSON_BODY_TYPES.some((type) => contentType.startsWith(type))) {
        return (await parseJsonBody(request, bodyLimit)) ?? {};
      }
    })
    .use(healthRoutes(ctx, { version: options.version ?? "0.0.0", startedAt: ctx.clock.now() }))
    .use(metrics === null ? new Elysia() : metricsRoutes(metrics, { token: options.metrics === false ? undefined : options.metrics?.token }))
    .use(authRoutes(ctx))
    .use(meRoutes(ctx))
    .use(orgRoutes(ctx))
    .use(productRoutes(ctx))
    .use(orgLicenseRoutes(ctx))
    .use(dashboardLicenseRoutes(ctx))
    .use(licenseSessionRoutes(ctx))
    .use(orgEndUserRoutes(ctx))
    .use(managementLicenseRoutes(ctx))
    .use(managementEndUserRoutes(ctx))
    .use(apiKeyRoutes(ctx))
    .use(managementApiKeyRoutes(ctx))
    .use(blacklistRoutes(ctx))
    .use(managementBlacklistRoutes(ctx));
}
