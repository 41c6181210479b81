import type { ProductPolicy } from "@geckoguard/core";

/**
 * The `products.policy` column (JSON text) as a policy: the one reading of it, shared by
 * the products repository, license reads and the authorize thread's rate limiter.
 */
export function parseProductPolicy(json: string): ProductPolicy {
  return JSON.parse(json) as ProductPolicy;
}
