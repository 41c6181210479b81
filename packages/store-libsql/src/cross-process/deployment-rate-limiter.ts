import {
  cachedProductLimits,
  createRateLimiter,
  type Clock,
  type Logger,
  type RateLimiter,
  type RateLimitSettings,
  type RateLimitStore,
} from "@geckoguard/core";
import type { SqlRunner } from "../authorize/sql-runner.ts";
import { parseProductPolicy } from "../repositories/licensing/product-policy-column.ts";

export interface DeploymentRateLimiterOptions {
  /** Where the buckets live: this process's, the authorize thread's, or the shared table. */
  buckets: RateLimitStore;
  clock: Clock;
  /** The deployment's limits; unset ones keep their defaults. */
  settings?: Partial<RateLimitSettings>;
  logger?: Logger;
}

/**
 * The deployment's rate limiter, with each product's own limits read from its policy
 * (cached per product, see cachedProductLimits). The HTTP thread and the authorize
 * thread both build theirs here, so both read product limits the same way.
 */
export function deploymentRateLimiter(runner: SqlRunner, options: DeploymentRateLimiterOptions): RateLimiter {
  const productLimits = cachedProductLimits(async (productId) => {
    const row = await runner.get<{ policy: string }>("SELECT policy FROM products WHERE id = ?", [productId]);
    return row === undefined ? null : (parseProductPolicy(row.policy).rateLimits ?? null);
  }, options.clock);
  return createRateLimiter({ store: options.buckets, clock: options.clock, settings: options.settings, productLimits, logger: options.logger });
}
