/**
 * Test helpers for adapter packages: the contract suites every adapter of a port runs.
 * Imported as `@geckoguard/core/testing` from test files only (it imports bun:test).
 */
export { rateLimitStoreContract, type RateLimitStoreHarness } from "./ratelimit/store-contract.ts";
export { idempotencyStoreContract, type IdempotencyStoreHarness } from "./idempotency/store-contract.ts";
