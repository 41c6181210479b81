import { describe, expect, test } from "bun:test";
import { DISABLE_AFTER_FAILING_MS, deliveryResultAfter, failingTooLong, type AttemptReport } from "./delivery-outcome.ts";
import { MAX_DELIVERY_ATTEMPTS } from "./backoff.ts";

const now = 1_800_000_000_000;
const failed: AttemptReport = { outcome: "http_error", statusCode: 500, error: "HTTP 500", durationMs: 12, responseSnippet: "oops" };
const ok: AttemptReport = { outcome: "success", statusCode: 204, error: null, durationMs: 5, responseSnippet: null };

describe("delivery state after an attempt", () => {
  test("a 2xx delivers, whatever the attempt number", () => {
    expect(deliveryResultAfter({ attempt: 3, attemptLimit: 6 }, ok, now, 60_000, 0.5)).toEqual({
      status: "delivered",
      nextAttemptAt: null,
      statusCode: 204,
      error: null,
      deliveredAt: now,
    });
  });

  test("a failure before the last attempt is retried after the backoff", () => {
    const result = deliveryResultAfter({ attempt: 2, attemptLimit: MAX_DELIVERY_ATTEMPTS }, failed, now, 60_000, 0.5);
    expect(result).toMatchObject({ status: "pending", nextAttemptAt: now + 120_000, statusCode: 500, error: "HTTP 500" });
  });

  test("the sixth failed attempt gives the delivery up", () => {
    const result = deliveryResultAfter({ attempt: MAX_DELIVERY_ATTEMPTS, attemptLimit: MAX_DELIVERY_ATTEMPTS }, failed, now, 60_000, 0.5);
    expect(result).toMatchObject({ status: "failed", nextAttemptAt: null });
  });

  test("a manual redelivery (limit = attempts + 1) gets exactly one more try", () => {
    expect(deliveryResultAfter({ attempt: 7, attemptLimit: 7 }, failed, now, 60_000, 0.5).status).toBe("failed");
    expect(deliveryResultAfter({ attempt: 7, attemptLimit: 7 }, ok, now, 60_000, 0.5).status).toBe("delivered");
  });

  test("an endpoint is disabled once its failures have lasted three days", () => {
    expect(failingTooLong(now - DISABLE_AFTER_FAILING_MS + 1, now)).toBe(false);
    expect(failingTooLong(now - DISABLE_AFTER_FAILING_MS, now)).toBe(true);
  });
});
