import type { Clock } from "../clock.ts";
import type { ProductRateLimits } from "./settings.ts";

/** How long a product's own limits are reused before they are read again. */
export const PRODUCT_LIMITS_TTL_MS = 30_000;
const MAX_CACHED_PRODUCTS = 10_000;

/**
 * A product's own limits (its policy's `rateLimits`), read at most once per TTL per
 * product, so the API-key and authorize paths pay a Map lookup, not a query. A changed
 * policy applies within the TTL.
 */
export function cachedProductLimits(
  load: (productId: string) => Promise<ProductRateLimits | null>,
  clock: Clock,
  ttlMs = PRODUCT_LIMITS_TTL_MS,
): (productId: string) => Promise<ProductRateLimits | null> {
  const cache = new Map<string, { limits: ProductRateLimits | null; until: number }>();
  return async (productId) => {
    const now = clock.now();
    const hit = cache.get(productId);
    if (hit !== undefined && hit.until > now) return hit.limits;
    const limits = await load(productId);
    if (cache.size >= MAX_CACHED_PRODUCTS) cache.clear();
    cache.set(productId, { limits, until: now + ttlMs });
    return limits;
  };
}
