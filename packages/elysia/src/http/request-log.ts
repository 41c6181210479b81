import { Elysia, StatusMap } from "elysia";
import type { Logger } from "@geckoguard/core";
import type { HttpMetrics } from "./metrics.ts";
import { requestIdFor } from "./request-id.ts";

/** Set on Elysia's per-request context by onRequest; read back once the answer is sent. */
interface Observed {
  ggStartedAt?: number;
  ggRequestId?: string;
}

/** The request id of the request whose Elysia context this is (set when it arrived). */
export function requestIdOf(context: object): string | undefined {
  return (context as Observed).ggRequestId;
}

function statusOf(response: unknown, setStatus: number | string | undefined): number {
  if (response instanceof Response) return response.status;
  if (typeof setStatus === "number") return setStatus;
  return (StatusMap as Record<string, number>)[setStatus ?? ""] ?? 200;
}

/**
 * Every request gets a request id (the caller's sane X-Request-Id, else a UUIDv7), echoed
 * in X-Request-Id; once answered, one `http.request` log line (method, route pattern,
 * status, duration, request id: never a body, token or key) and a metrics sample.
 */
export function requestObservability(options: { logger: Logger; metrics: HttpMetrics | null; log: boolean }) {
  const { logger, metrics, log } = options;
  return new Elysia({ name: "geckoguard-request-observability" })
    .onRequest((context) => {
      const observed = context as typeof context & Observed;
      observed.ggStartedAt = performance.now();
      const requestId = requestIdFor(context.request.headers.get("x-request-id"));
      observed.ggRequestId = requestId;
      context.set.headers["x-request-id"] = requestId;
    })
    .onAfterResponse({ as: "global" }, (context) => {
      const observed = context as typeof context & Observed;
      if (observed.ggStartedAt === undefined) return;
      const durationMs = performance.now() - observed.ggStartedAt;
      const status = statusOf(context.responseValue, context.set.status);
      const route = context.route || "unmatched";
      metrics?.observe(context.request.method, route, status, durationMs / 1000);
      if (log) {
        logger.info("http.request", {
          method: context.request.method,
          route,
          status,
          durationMs: Math.round(durationMs * 100) / 100,
          requestId: observed.ggRequestId,
        });
      }
    });
}
