import { describe, expect, test } from "bun:test";
import type { RecordedAttempt } from "@geckoguard/core";
import { HttpMetrics } from "./metrics.ts";
import { webhookMetrics } from "./webhook-metrics.ts";

const endpoint = { id: "e1", productId: "p1", url: "https://hooks.example.com/x", secretSealed: "sealed" };
const claimed = { id: "d1", attempt: 1, attemptLimit: 3, leaseToken: "t", endpoint, event: { id: "ev", type: "license.created", data: "{}", createdAt: 0 } };

function attempt(statusCode: number | null, outcome: RecordedAttempt["report"]["outcome"], status: RecordedAttempt["result"]["status"]): RecordedAttempt {
  return {
    claimed,
    report: { outcome, statusCode, error: null, durationMs: 3, responseSnippet: null },
    result: { status, nextAttemptAt: status === "pending" ? 1000 : null, statusCode, error: null, deliveredAt: status === "delivered" ? 1 : null },
  };
}

function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("webhook delivery series", () => {
  test("delivered, failed by status class, retried (failed minus given up), disabled, and the queue read at each scrape", async () => {
    const metrics = new HttpMetrics();
    let pending = 7;
    const observer = webhookMetrics(metrics, { countPending: async () => pending });
    observer.attemptRecorded(attempt(204, "success", "delivered"));
    observer.attemptRecorded(attempt(503, "http_error", "pending"));
    observer.attemptRecorded(attempt(404, "http_error", "failed"));
    observer.attemptRecorded(attempt(null, "timeout", "pending"));
    observer.endpointDisabled(endpoint);
    const text = await metrics.collect();
    expect(sample(text, "geckoguard_webhook_delivered_total")).toBe(1);
    expect(sample(text, 'geckoguard_webhook_failed_total{status_class="5xx"}')).toBe(1);
    expect(sample(text, 'geckoguard_webhook_failed_total{status_class="4xx"}')).toBe(1);
    expect(sample(text, 'geckoguard_webhook_failed_total{status_class="timeout"}')).toBe(1);
    expect(sample(text, "geckoguard_webhook_retried_total")).toBe(2);
    expect(sample(text, "geckoguard_webhook_endpoints_disabled_total")).toBe(1);
    expect(sample(text, "geckoguard_webhook_queue_depth")).toBe(7);
    expect(text).toContain("# TYPE geckoguard_webhook_queue_depth gauge");
    expect(text).not.toContain("hooks.example.com");
    pending = 2;
    expect(sample(await metrics.collect(), "geckoguard_webhook_queue_depth")).toBe(2);
  });

  test("a failed queue read keeps the last value instead of failing the scrape", async () => {
    const metrics = new HttpMetrics();
    let fail = false;
    webhookMetrics(metrics, { countPending: async () => (fail ? Promise.reject(new Error("database gone")) : 4) });
    expect(sample(await metrics.collect(), "geckoguard_webhook_queue_depth")).toBe(4);
    fail = true;
    expect(sample(await metrics.collect(), "geckoguard_webhook_queue_depth")).toBe(4);
  });
});
