/** The drizzle schema, one file per domain. drizzle-kit reads this folder. */
export * from "./accounts.ts";
export * from "./orgs.ts";
export * from "./licensing.ts";
export * from "./license-bindings.ts";
export * from "./authorize.ts";
export * from "./rate-limits.ts";
export * from "./idempotency.ts";
export * from "./webhooks.ts";
export * from "./audit.ts";
