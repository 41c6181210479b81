import { Elysia } from "elysia";
import { createHash, timingSafeEqual } from "node:crypto";
import { GgError, isLoopbackAddress } from "@geckoguard/core";
import { clientIpOf } from "../http/client-ip.ts";
import type { HttpMetrics } from "../http/metrics.ts";

const PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/**
 * GET /metrics in the Prometheus text format (not the JSON envelope: scrapers expect the
 * text). Without a token only this machine may scrape: the client IP (the forwarded one
 * behind trusted proxies, so a proxy on the same host does not make everyone local) must
 * be loopback, and an unknown one is refused. With a token, a scraper anywhere sends
 * `Authorization: Bearer <token>` (compared as digests, in constant time); a wrong or
 * missing one is the usual 401 envelope.
 */
export function metricsRoutes(metrics: HttpMetrics, options: { token?: string }) {
  const expected = options.token === undefined ? null : digest(`Bearer ${options.token}`);
  return new Elysia().get(
    "/metrics",
    async ({ headers, request }) => {
      if (expected === null) {
        if (!isLoopbackAddress(clientIpOf(request))) {
          throw new GgError("FORBIDDEN", "GET /metrics answers callers on this machine only; configure a metrics token (GG_METRICS_TOKEN) to scrape from elsewhere");
        }
      } else if (!timingSafeEqual(digest(headers.authorization ?? ""), expected)) {
        throw new GgError("UNAUTHORIZED", "A valid metrics bearer token is required");
      }
      return new Response(await metrics.collect(), { headers: { "content-type": PROMETHEUS_TEXT } });
    },
    {
      detail: {
        summary: "Request counts, latency histograms per route, authorize outcomes and webhook delivery counters (Prometheus text)",
        description: "Loopback callers only, unless the server has a metrics token: then a bearer token from any address.",
        tags: ["Status"],
      },
    },
  );
}
