import { Elysia } from "elysia";
import { createHash, timingSafeEqual } from "node:crypto";
import { GgError } from "@geckoguard/core";
import type { HttpMetrics } from "../http/metrics.ts";

const PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/**
 * GET /metrics in the Prometheus text format (not the JSON envelope: scrapers expect the
 * text). With a token, a scraper must send `Authorization: Bearer <token>`; a wrong or
 * missing one is the usual 401 envelope.
 */
export function metricsRoutes(metrics: HttpMetrics, options: { token?: string; extra?: readonly (() => string)[] }) {
  const expected = options.token === undefined ? null : digest(`Bearer ${options.token}`);
  return new Elysia().get(
    "/metrics",
    ({ headers }) => {
      if (expected !== null && !timingSafeEqual(digest(headers.authorization ?? ""), expected)) {
        throw new GgError("UNAUTHORIZED", "A valid metrics bearer token is required");
      }
      const text = metrics.render() + (options.extra ?? []).map((render) => render()).join("");
      return new Response(text, { headers: { "content-type": PROMETHEUS_TEXT } });
    },
    { detail: { summary: "Request counts, latency histograms per route and authorize outcomes (Prometheus text)", tags: ["Status"] } },
  );
}
