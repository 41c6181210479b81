import { describe, expect, test } from "bun:test";
import { createRateLimiter, GgError, inProcessRateLimitStore, manualClock } from "@geckoguard/core";
import { answerHead, mapError } from "./error-mapper.ts";

const T0 = 1_800_000_000_000;

/** A real refusal of the per-IP bucket (3 per minute), as a route would meet it. */
async function perIpRefusal(): Promise<GgError> {
  const limiter = createRateLimiter({ store: inProcessRateLimitStore(), clock: manualClock(T0), settings: { ipPerMin: 3 } });
  for (let i = 0; i < 3; i++) await limiter.enforceIp("10.0.0.1");
  return limiter.enforceIp("10.0.0.1").then(
    () => {
      throw new Error("the fourth call should have been refused");
    },
    (error: GgError) => error,
  );
}

describe("the error mapper", () => {
  test("a rate-limit refusal answers 429 with Retry-After and RateLimit-* headers", async () => {
    const set = { headers: {} as Record<string, string | number>, status: undefined as number | string | undefined };
    const body = mapError("UNKNOWN", await perIpRefusal(), set);
    expect(set.status).toBe(429);
    expect(set.headers).toEqual({ "ratelimit-limit": "3", "ratelimit-remaining": "0", "ratelimit-reset": "60", "retry-after": "20" });
    expect(body).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
  });

  test("other errors get their catalogue status and no rate-limit headers", () => {
    const set = { headers: {} as Record<string, string | number>, status: undefined as number | string | undefined };
    mapError("UNKNOWN", new GgError("NONCE_REUSED", "used"), set);
    expect(set).toEqual({ status: 401, headers: {} });
  });

  test("a success or a denial that passed its buckets reports them without Retry-After", () => {
    const passed = { allowed: true, limit: 10, remaining: 4, resetMs: 30_500, retryAfterSeconds: 0 };
    expect(answerHead(null, passed)).toEqual({ status: 200, headers: { "ratelimit-limit": "10", "ratelimit-remaining": "4", "ratelimit-reset": "31" } });
    expect(answerHead("LICENSE_EXPIRED", undefined)).toEqual({ status: 403, headers: {} });
  });
});
