export * from "./errors/index.ts";
export * from "./clock.ts";
export * from "./crypto/index.ts";
export type * from "./ports/index.ts";
export type { GgContext } from "./context.ts";

export * from "./auth/schemas.ts";
export * from "./auth/password-hasher.ts";
export * from "./auth/access-tokens.ts";
export * from "./auth/opaque-tokens.ts";
export * from "./auth/totp.ts";
export * from "./auth/recovery-codes.ts";
export * from "./auth/present-user.ts";
export * from "./auth/register.ts";
export * from "./auth/login.ts";
export * from "./auth/verify-login.ts";
export * from "./auth/refresh.ts";
export * from "./auth/password-reset.ts";
export * from "./auth/verify-email.ts";
export * from "./auth/totp-management.ts";
export * from "./auth/me.ts";

export * from "./orgs/roles.ts";
export * from "./orgs/schemas.ts";
export * from "./orgs/present-org.ts";
export * from "./orgs/manage-orgs.ts";
export * from "./orgs/manage-members.ts";

export * from "./products/policy.ts";
export * from "./products/schemas.ts";
export * from "./products/present-product.ts";
export * from "./products/manage-products.ts";
export * from "./pagination/pagination.ts";

export * from "./ratelimit/gcra.ts";
export * from "./ratelimit/settings.ts";
export * from "./ratelimit/headers.ts";
export * from "./ratelimit/ip-subject.ts";
export * from "./ratelimit/limiter.ts";
export * from "./ratelimit/in-process-store.ts";

export * from "./idempotency/fingerprint.ts";
export * from "./idempotency/key.ts";
export * from "./idempotency/verdict.ts";
export * from "./idempotency/idempotency.ts";
export * from "./idempotency/in-process-store.ts";
export { silentLogger } from "./ports/logger.ts";
