import { describe, expect, test } from "bun:test";
import { manualClock } from "../clock.ts";
import { GgError } from "../errors/gg-error.ts";
import type { RateLimitStore } from "../ports/rate-limit.ts";
import { inProcessRateLimitStore } from "./in-process-store.ts";
import { createRateLimiter } from "./limiter.ts";
import { cachedProductLimits } from "./product-limits.ts";

const T0 = 1_800_000_000_000;

function limiterWith(settings = {}, store: RateLimitStore = inProcessRateLimitStore()) {
  const clock = manualClock(T0);
  return { clock, limiter: createRateLimiter({ store, clock, settings }) };
}

/** Calls `attempt` n times and returns the error codes (null for allowed). */
async function outcomes(n: number, attempt: () => Promise<unknown>): Promise<(string | null)[]> {
  const codes: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    try {
      await attempt();
      codes.push(null);
    } catch (error) {
      codes.push((error as GgError).code);
    }
  }
  return codes;
}

async function refusal(attempt: () => Promise<unknown>): Promise<GgError> {
  const error = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GgError);
  return error as GgError;
}

describe("rate limiter buckets", () => {
  test("the per-IP bucket allows its limit, then refuses with 429 and the figures for Retry-After and RateLimit-*", async () => {
    const { limiter } = limiterWith({ ipPerMin: 3 });
    expect(await limiter.enforceIp("10.0.0.1")).toMatchObject({ allowed: true, remaining: 2, limit: 3 });
    await limiter.enforceIp("10.0.0.1");
    expect(await limiter.enforceIp("10.0.0.1")).toMatchObject({ allowed: true, remaining: 0, limit: 3 });
    const error = await refusal(() => limiter.enforceIp("10.0.0.1"));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.status).toBe(429);
    expect(error.rateLimit).toEqual({ allowed: false, limit: 3, remaining: 0, resetMs: 60_000, retryAfterSeconds: 20 });
    expect(await outcomes(1, () => limiter.enforceIp("10.0.0.2"))).toEqual([null]);
  });

  test("IPv6 clients count per /64, IPv4-mapped addresses as their IPv4", async () => {
    const { limiter } = limiterWith({ ipPerMin: 2 });
    await limiter.enforceIp("2001:db8:1:2::1");
    await limiter.enforceIp("2001:db8:1:2:ffff::9");
    expect((await refusal(() => limiter.enforceIp("2001:0db8:0001:0002::abcd"))).code).toBe("RATE_LIMITED");
    await limiter.enforceIp("192.0.2.7");
    await limiter.enforceIp("::ffff:192.0.2.7");
    expect((await refusal(() => limiter.enforceIp("192.0.2.7"))).code).toBe("RATE_LIMITED");
  });

  test("auth attempts: per account across IPs, per IP across accounts", async () => {
    const { limiter } = limiterWith({ authIpPerMin: 4, authAccountPerMin: 2 });
    let ip = 0;
    const byAccount = await outcomes(3, () => limiter.enforceAuthAttempt({ ip: `10.1.0.${ip++}`, account: "a@x.io" }));
    expect(byAccount).toEqual([null, null, "RATE_LIMITED"]);
    let n = 0;
    const byIp = await outcomes(5, () => limiter.enforceAuthAttempt({ ip: "10.2.0.1", account: `u${n++}@x.io` }));
    expect(byIp).toEqual([null, null, null, null, "RATE_LIMITED"]);
    expect(await outcomes(1, () => limiter.enforceAuthAttempt({ ip: "10.3.0.1", account: null }))).toEqual([null]);
  });

  test("successful checks report the tightest bucket", async () => {
    const { limiter } = limiterWith({ authIpPerMin: 10, authAccountPerMin: 3 });
    const decision = await limiter.enforceAuthAttempt({ ip: "10.4.0.1", account: "b@x.io" });
    expect(decision).toMatchObject({ limit: 3, remaining: 2 });
  });

  test("API-key routes: an empty product bucket is PRODUCT_RATE_LIMITED, an empty key bucket RATE_LIMITED", async () => {
    const { limiter } = limiterWith({ apiKeyIpPerMin: 100, keyPerMin: 2, productPerMin: 3 });
    const call = (apiKeyId: string, ip = "10.5.0.1") => limiter.enforceApiKeyLimits({ ip, apiKeyId, productId: "p1" });
    expect(await outcomes(3, () => call("k1"))).toEqual([null, null, "RATE_LIMITED"]);
    expect(await outcomes(2, () => call("k2"))).toEqual([null, "PRODUCT_RATE_LIMITED"]);
    const error = await refusal(() => call("k3"));
    expect(error.code).toBe("PRODUCT_RATE_LIMITED");
    expect(error.rateLimit?.retryAfterSeconds).toBe(20);
  });

  test("a product's own limits replace the deployment's", async () => {
    const { limiter } = limiterWith({ apiKeyIpPerMin: 100, keyPerMin: 100, productPerMin: 100, licensePerMin: 100 });
    const productOverrides = { productPerMin: 2, licensePerMin: 1 };
    const call = () => limiter.enforceApiKeyLimits({ ip: "10.6.0.1", apiKeyId: "k", productId: "p2", productOverrides });
    expect(await outcomes(3, call)).toEqual([null, null, "PRODUCT_RATE_LIMITED"]);
    const license = () => limiter.enforceLicenseLimit({ productId: "p2", licenseKey: "GG-A", productOverrides });
    expect(await outcomes(2, license)).toEqual([null, "RATE_LIMITED"]);
  });

  test("authorize: 20 per minute per license key of a product by default, refilling over the minute", async () => {
    const { limiter, clock } = limiterWith();
    const call = (licenseKey: string, productId = "p3") => limiter.enforceLicenseLimit({ productId, licenseKey });
    expect((await outcomes(21, () => call("GG-1"))).filter((c) => c === null)).toHaveLength(20);
    expect(await outcomes(1, () => call("GG-1", "p4"))).toEqual([null]);
    expect(await outcomes(1, () => call("GG-2"))).toEqual([null]);
    clock.advance(3_000);
    expect(await outcomes(2, () => call("GG-1"))).toEqual([null, "RATE_LIMITED"]);
  });

  test("idle buckets are purged at most once a minute, keeping the ones still draining", async () => {
    const inner = inProcessRateLimitStore();
    const purges: number[] = [];
    const store: RateLimitStore = { consume: inner.consume, purgeIdle: (before) => (purges.push(before), inner.purgeIdle(before)) };
    const { limiter, clock } = limiterWith({ ipPerMin: 2 }, store);
    await limiter.enforceIp("10.7.0.1");
    clock.advance(30_000);
    await limiter.enforceIp("10.7.0.2");
    await limiter.enforceIp("10.7.0.2");
    expect(purges).toEqual([]);
    clock.advance(30_000);
    await limiter.enforceIp("10.7.0.3");
    expect(purges).toEqual([T0]);
    // 10.7.0.2 emptied its bucket 30 s ago: still refused, the purge did not forget it.
    expect(await outcomes(2, () => limiter.enforceIp("10.7.0.2"))).toEqual([null, "RATE_LIMITED"]);
  });
});

describe("a product's own limits, read through productLimits", () => {
  test("apply to its API-key and authorize buckets when the caller passes none, and are read once per TTL", async () => {
    const clock = manualClock(T0);
    const reads: string[] = [];
    const productLimits = cachedProductLimits(async (productId) => {
      reads.push(productId);
      return productId === "tight" ? { productPerMin: 1, licensePerMin: 1 } : null;
    }, clock);
    const limiter = createRateLimiter({ store: inProcessRateLimitStore(), clock, productLimits });
    const call = (productId: string) => limiter.enforceApiKeyLimits({ ip: "10.8.0.1", apiKeyId: `k-${productId}`, productId });
    expect(await outcomes(2, () => call("tight"))).toEqual([null, "PRODUCT_RATE_LIMITED"]);
    expect(await outcomes(2, () => call("roomy"))).toEqual([null, null]);
    const license = () => limiter.enforceLicenseLimit({ productId: "tight", licenseKey: "GG-T" });
    expect(await outcomes(2, license)).toEqual([null, "RATE_LIMITED"]);
    expect(reads).toEqual(["tight", "roomy"]);
    clock.advance(30_000);
    await outcomes(1, () => call("roomy"));
    expect(reads).toEqual(["tight", "roomy", "roomy"]);
  });
});
