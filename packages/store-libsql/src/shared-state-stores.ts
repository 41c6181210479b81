import { inProcessIdempotencyStore, inProcessNonceStore, inProcessRateLimitStore } from "@geckoguard/core";
import type { SqlRunner } from "./authorize/sql-runner.ts";
import { sharedNonceStore } from "./authorize/shared-nonce-store.ts";
import { sharedRateLimitStore } from "./ratelimit/shared-rate-limit-store.ts";
import { sharedIdempotencyStore } from "./idempotency/shared-idempotency-store.ts";

export type SharedStateMode = "memory" | "database";

/** Rate-limit buckets, idempotency records and nonces: in this process, or on the database every process shares. */
export function sharedStateStores(mode: SharedStateMode, runner: SqlRunner) {
  return mode === "database"
    ? { rateLimits: sharedRateLimitStore(runner), idempotency: sharedIdempotencyStore(runner), nonces: sharedNonceStore(runner) }
    : { rateLimits: inProcessRateLimitStore(), idempotency: inProcessIdempotencyStore(), nonces: inProcessNonceStore() };
}
