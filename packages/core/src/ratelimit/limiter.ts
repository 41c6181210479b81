import type { Clock } from "../clock.ts";
import type { Logger } from "../ports/logger.ts";
import type { RateLimitStore } from "../ports/rate-limit.ts";
import { GgError } from "../errors/gg-error.ts";
import { rateLimitFigures, type RateLimitDecision } from "./gcra.ts";
import { tighter } from "./tighter.ts";
import { ipBucketSubject } from "./ip-subject.ts";
import { DEFAULT_RATE_LIMITS, type ProductRateLimits, type RateLimitSettings } from "./settings.ts";

const MINUTE_MS = 60_000;

interface Bucket {
  key: string;
  perMinute: number;
  /** The code a refusal of this bucket answers with. */
  code: "RATE_LIMITED" | "PRODUCT_RATE_LIMITED";
}

/**
 * The buckets of docs/rate-limits-and-idempotency.md over a RateLimitStore. Every method consumes its buckets in
 * the order listed (cheapest to reject first), throws 429 at the first refusal (earlier
 * buckets keep the request: it did reach the server), and otherwise returns the tightest
 * decision (the HTTP layer reports its figures).
 */
export interface RateLimiter {
  /** JWT routes and /v1/auth/*: the shared per-IP bucket. */
  enforceIp(ip: string): Promise<RateLimitDecision>;
  /**
   * Login, TOTP verify-login, register, forgot-password, before any password hashing:
   * per IP, then per account (lower-cased email; null when the request names none).
   */
  enforceAuthAttempt(input: { ip: string; account: string | null }): Promise<RateLimitDecision>;
  /**
   * For the API-key guard, once the key is known: per IP (within the product, whose
   * limits may differ), per key, per product. The product's own limits (given, or read
   * through `productLimits`) replace the deployment's. A refusal of the product bucket is
   * PRODUCT_RATE_LIMITED.
   */
  enforceApiKeyLimits(input: {
    ip: string;
    apiKeyId: string;
    productId: string;
    productOverrides?: ProductRateLimits | null;
  }): Promise<RateLimitDecision>;
  /** For POST /v1/licenses/authorize, after the nonce check and before the license lookup. */
  enforceLicenseLimit(input: { productId: string; licenseKey: string; productOverrides?: ProductRateLimits | null }): Promise<RateLimitDecision>;
}

export interface RateLimiterOptions {
  store: RateLimitStore;
  clock: Clock;
  settings?: Partial<RateLimitSettings>;
  /** A product's own limits when the caller does not pass them (see cachedProductLimits). */
  productLimits?: (productId: string) => Promise<ProductRateLimits | null>;
  logger?: Logger;
}

export function rateLimitedError(decision: RateLimitDecision, code: Bucket["code"]): GgError {
  const what = code === "PRODUCT_RATE_LIMITED" ? "This product's request rate limit" : "Rate limit";
  return new GgError(code, `${what} reached; retry after ${decision.retryAfterSeconds} s`, { rateLimit: rateLimitFigures(decision) });
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const settings: RateLimitSettings = { ...DEFAULT_RATE_LIMITS, ...options.settings };
  const { store, clock } = options;
  let lastPurgeMs = clock.now();

  // Idle buckets are dropped at most once a minute, on the request path but not awaited.
  function purgeNowAndThen(now: number): void {
    if (now - lastPurgeMs < MINUTE_MS) return;
    lastPurgeMs = now;
    store.purgeIdle(now - MINUTE_MS).catch((error: unknown) => {
      options.logger?.warn("ratelimit.purge_failed", { errorClass: (error as Error)?.name });
    });
  }

  async function consumeAll(buckets: Bucket[]): Promise<RateLimitDecision> {
    const now = clock.now();
    purgeNowAndThen(now);
    let tightest: RateLimitDecision | null = null;
    for (const bucket of buckets) {
      const decision = await store.consume(bucket.key, { limit: bucket.perMinute, periodMs: MINUTE_MS }, now);
      if (!decision.allowed) throw rateLimitedError(decision, bucket.code);
      tightest = tightest === null ? decision : tighter(tightest, decision);
    }
    return tightest!;
  }

  const limited = (key: string, perMinute: number): Bucket => ({ key, perMinute, code: "RATE_LIMITED" });
  const overridesOf = async (productId: string, given: ProductRateLimits | null | undefined) =>
    given ?? (options.productLimits === undefined ? null : await options.productLimits(productId));

  return {
    enforceIp: (ip) => consumeAll([limited(`ip:${ipBucketSubject(ip)}`, settings.ipPerMin)]),
    enforceAuthAttempt: ({ ip, account }) =>
      consumeAll([
        limited(`auth-ip:${ipBucketSubject(ip)}`, settings.authIpPerMin),
        ...(account === null ? [] : [limited(`account:${account}`, settings.authAccountPerMin)]),
      ]),
    async enforceApiKeyLimits({ ip, apiKeyId, productId, productOverrides }) {
      const own = await overridesOf(productId, productOverrides);
      return consumeAll([
        limited(`apikey-ip:${productId}:${ipBucketSubject(ip)}`, own?.apiKeyIpPerMin ?? settings.apiKeyIpPerMin),
        limited(`key:${apiKeyId}`, own?.keyPerMin ?? settings.keyPerMin),
        { key: `product:${productId}`, perMinute: own?.productPerMin ?? settings.productPerMin, code: "PRODUCT_RATE_LIMITED" },
      ]);
    },
    async enforceLicenseLimit({ productId, licenseKey, productOverrides }) {
      const own = await overridesOf(productId, productOverrides);
      return consumeAll([limited(`license:${productId}:${licenseKey}`, own?.licensePerMin ?? settings.licensePerMin)]);
    },
  };
}
