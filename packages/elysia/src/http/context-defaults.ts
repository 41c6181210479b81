import { randomBytes } from "node:crypto";
import {
  cachedProductLimits,
  createIdempotency,
  createRateLimiter,
  inProcessIdempotencyStore,
  inProcessRateLimitStore,
  type GgContext,
  type Logger,
} from "@geckoguard/core";

/** What an embedding host must provide; rate limits and idempotency have in-process defaults. */
export type GeckoguardContext = Omit<GgContext, "rateLimiter" | "idempotency"> & Partial<Pick<GgContext, "rateLimiter" | "idempotency">>;

/**
 * Fills in the in-process rate limiter (default limits, each product's own) and
 * idempotency records. Their fingerprint key is random per process, which is right for
 * records that live in this process only; a shared store needs a shared key (see
 * apps/server/src/runtime.ts).
 */
export function withInProcessDefaults(context: GeckoguardContext, logger: Logger): GgContext {
  const { clock, store } = context;
  const productLimits = cachedProductLimits(async (productId) => (await store.products.find(productId))?.policy.rateLimits ?? null, clock);
  return {
    ...context,
    rateLimiter: context.rateLimiter ?? createRateLimiter({ store: inProcessRateLimitStore(), clock, productLimits, logger }),
    idempotency:
      context.idempotency ??
      createIdempotency({ store: inProcessIdempotencyStore(), clock, fingerprintSecret: randomBytes(32), logger }),
  };
}
