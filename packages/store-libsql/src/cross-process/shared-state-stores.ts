import { inProcessIdempotencyStore, inProcessNonceStore, inProcessRateLimitStore } from "@geckoguard/core";
import type { SqlRunner } from "../authorize/sql-runner.ts";
import { sharedNonceStore } from "./shared-nonce-store.ts";
import { sharedRateLimitStore } from "./shared-rate-limit-store.ts";
import { sharedIdempotencyStore } from "./shared-idempotency-store.ts";

/** Where shared state lives: this process, or the database every process shares. */
export const SHARED_STATE_MODES = ["memory", "database"] as const;
export type SharedStateMode = (typeof SHARED_STATE_MODES)[number];

/** Rate-limit buckets, idempotency records and nonces: in this process, or on the database every process shares. */
export function sharedStateStores(mode: SharedStateMode, runner: SqlRunner) {
  return mode === "database"
    ? { rateLimits: sharedRateLimitStore(runner), idempotency: sharedIdempotencyStore(runner), nonces: sharedNonceStore(runner) }
    : { rateLimits: inProcessRateLimitStore(), idempotency: inProcessIdempotencyStore(), nonces: inProcessNonceStore() };
}
