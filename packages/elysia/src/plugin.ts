import { Elysia, type AnyElysia } from "elysia";
import { silentLogger, type AuthorizeAnswerer, type AuthorizeDeps, type GgContext, type Logger } from "@geckoguard/core";
import { DEFAULT_BODY_LIMIT_BYTES } from "./http/body-parser.ts";
import { geckoguardLifecycle, jsonBodies } from "./http/lifecycle.ts";
import { HttpMetrics } from "./http/metrics.ts";
import { requestObservability } from "./http/request-log.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { metricsRoutes } from "./routes/metrics.ts";
import { healthRoutes } from "./routes/health.ts";
import { authRoutes } from "./routes/auth.ts";
import { authCookieRoutes } from "./routes/auth-cookie.ts";
import { meRoutes } from "./routes/me.ts";
import { orgRoutes } from "./routes/orgs.ts";
import { inviteRoutes } from "./routes/invites.ts";
import { orgAnalyticsRoutes } from "./routes/org-analytics.ts";
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
import { appDataRoutes, licenseVariableRoutes, managementAppDataRoutes } from "./routes/app-data.ts";
import { docsRoutes } from "./routes/docs.ts";
import { webhookEndpointRoutes } from "./routes/webhook-endpoints.ts";
import { webhookDeliveryRoutes } from "./routes/webhook-deliveries.ts";
import { actionPageRoutes } from "./routes/action-pages.ts";
import { endUserAuthRoutes } from "./routes/enduser-auth.ts";
import { endUserSelfServiceRoutes } from "./routes/enduser-self-service.ts";
import { portalSettingsRoutes } from "./routes/portal-settings.ts";
import { billingRoutes } from "./routes/billing.ts";
import { managementBillingRoutes } from "./routes/management-billing.ts";
import { stripeWebhookRoutes } from "./routes/stripe-webhook.ts";
import { dashboardRoutes } from "./dashboard/dashboard-routes.ts";
import type { DashboardSource } from "./dashboard/dashboard-page.ts";
import { auditLogRoutes } from "./routes/audit-log.ts";

export interface GeckoguardOptions {
  /** Ports and settings for the use cases, built by the composition root (@geckoguard/runtime's createGeckoguard). */
  context: GgContext;
  /**
   * The authorize hot path: its own ports (the context's rate limiter and clock are added),
   * or an answerer that runs the whole call elsewhere (the runtime's authorize thread).
   */
  authorize: Omit<AuthorizeDeps, "clock"> | { answer: AuthorizeAnswerer };
  /** Mount point inside a host app, e.g. "/licensing"; default none. */
  prefix?: string;
  /** Largest JSON body accepted (default 1 MiB). */
  bodyLimitBytes?: number;
  /** Largest license import body (default 512 MiB). */
  importLimitBytes?: number;
  /**
   * How many reverse proxies of yours stand in front (default 0): with n > 0 the client
   * IP is read from X-Forwarded-For as the n-th entry from the right; with 0 it is the
   * socket's address and X-Forwarded-For is ignored.
   */
  trustedProxyHops?: number;
  version?: string;
  /** Where log lines go, the per-request `http.request` line included (default: nowhere). */
  logger?: Logger;
  /** One `http.request` line per request through `logger` (default true). */
  requestLog?: boolean;
  /**
   * GET /metrics in the Prometheus text format; false turns it off. Without `token` only
   * loopback callers are answered; with it, `Authorization: Bearer <token>` from anywhere.
   * `registry`: the series to expose (default a fresh one; the runtime passes its own, in
   * which the webhook worker counts).
   */
  metrics?: false | { token?: string; registry?: HttpMetrics };
  /**
   * The web dashboard (docs/dashboard.md) at the prefix: its page, its files, and the
   * pages mailed links open. Unset: no dashboard, and the small server-rendered pages
   * below answer the mailed links instead.
   */
  dashboard?: DashboardSource;
  /** Serve the server-rendered pages mailed links open (default true): GET /invite and GET /portal/reset-password, and without a dashboard also GET /verify-email and GET /reset-password. */
  actionPages?: boolean;
  /** Serve the OpenAPI document at `/docs/json` and a browsable page at `/docs` (default true). */
  docs?: boolean;
}

/**
 * The whole GeckoGuard API as one Elysia plugin, built by @geckoguard/runtime's
 * createGeckoguard (which every host uses). A host app `.use()`s it beside its own
 * routes; the self-host server mounts it alone. The client IP comes from the server the
 * app listens with (`server.requestIP`), so serve it with `.listen()` or set `app.server`.
 */
// Typed as AnyElysia: hosts only mount the plugin, and spelling out every route's type
// grew past TypeScript's instantiation depth once the billing routes joined.
export function geckoguard(options: GeckoguardOptions): AnyElysia {
  const logger = options.logger ?? silentLogger;
  const ctx = options.context;
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const prefix = options.prefix ?? "";
  const metrics = options.metrics === false ? null : (options.metrics?.registry ?? new HttpMetrics());
  const app = new Elysia({ name: "geckoguard", prefix })
    .use(requestObservability({ logger, metrics, log: options.requestLog ?? true }))
    .use(securityHeaders(prefix))
    .use(geckoguardLifecycle(ctx, { trustedProxyHops: options.trustedProxyHops ?? 0, logger }))
    // Registered before the JSON parser below, so they read their raw bodies themselves.
    .use(authorizeRoutes("answer" in options.authorize ? options.authorize : { ...options.authorize, clock: ctx.clock, rateLimiter: ctx.rateLimiter }, { bodyLimitBytes: bodyLimit, logger, metrics }))
    .use(licenseTransferRoutes(ctx, { importLimitBytes: options.importLimitBytes ?? DEFAULT_IMPORT_LIMIT_BYTES, logger }))
    .use(stripeWebhookRoutes(ctx, { bodyLimitBytes: bodyLimit }))
    .use(jsonBodies(bodyLimit))
    .use(healthRoutes(ctx, { version: options.version ?? "0.0.0", startedAt: ctx.clock.now() }))
    .use(metrics === null ? new Elysia() : metricsRoutes(metrics, { token: options.metrics === false ? undefined : options.metrics?.token }))
    .use(authRoutes(ctx))
    .use(authCookieRoutes(ctx, { prefix, trustedProxyHops: options.trustedProxyHops ?? 0 }))
    .use(meRoutes(ctx))
    .use(orgRoutes(ctx))
    .use(inviteRoutes(ctx))
    .use(orgAnalyticsRoutes(ctx))
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
    .use(managementBlacklistRoutes(ctx))
    .use(appDataRoutes(ctx))
    .use(licenseVariableRoutes(ctx))
    .use(managementAppDataRoutes(ctx))
    .use(webhookEndpointRoutes(ctx))
    .use(webhookDeliveryRoutes(ctx))
    .use(portalSettingsRoutes(ctx))
    .use(endUserAuthRoutes(ctx))
    .use(endUserSelfServiceRoutes(ctx))
    .use(billingRoutes(ctx))
    .use(managementBillingRoutes(ctx))
    .use(auditLogRoutes(ctx, { logger }))
    .use(options.dashboard !== undefined ? dashboardRoutes(options.dashboard, prefix) : new Elysia())
    .use(options.actionPages === false ? new Elysia() : actionPageRoutes(prefix, { dashboardServesAccountPages: options.dashboard !== undefined }));
  // Last, and reading the table lazily: the document covers every route above.
  if (options.docs !== false) app.use(docsRoutes(() => app.routes, { prefix, version: options.version ?? "0.0.0" }));
  return app;
}
