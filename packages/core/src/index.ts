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
export { silentLogger } from "./ports/logger.ts";

export * from "./apikeys/scopes.ts";
export * from "./apikeys/principal.ts";
export * from "./apikeys/key-format.ts";
export * from "./apikeys/authenticate-api-key.ts";
export * from "./apikeys/schemas.ts";
export * from "./apikeys/present-api-key.ts";
export * from "./apikeys/manage-api-keys.ts";
export * from "./products/caller-access.ts";

export { ipToHex, parseAddress, formatAddress, type ParsedAddress } from "./blacklists/ip-address.ts";
export * from "./blacklists/ip-range.ts";
export * from "./blacklists/normalize-entry.ts";
export * from "./blacklists/schemas.ts";
export * from "./blacklists/present-blacklist-entry.ts";
export * from "./blacklists/manage-blacklists.ts";
export * from "./blacklists/find-blacklist-match.ts";
