// @geckoguard/core: domain rules, use cases and ports, grouped by area (docs/architecture.md).

// Foundations: errors, time, crypto, entity records, ports, the use cases' context
export type * from "./records/index.ts";
export type * from "./ports/index.ts";
export type { GgContext } from "./context.ts";
export { silentLogger } from "./ports/logger.ts";
export * from "./errors/index.ts";
export * from "./clock.ts";
export * from "./schemas/index.ts";
export * from "./crypto/index.ts";
export * from "./pagination/pagination.ts";
export * from "./csv/csv.ts";
export * from "./csv/formula-guard.ts";
export * from "./streams/limited-text.ts";

// Accounts: registration, login, tokens, TOTP
export * from "./auth/schemas.ts";
export * from "./auth/password-hasher.ts";
export * from "./auth/access-tokens.ts";
export * from "./auth/opaque-tokens.ts";
export * from "./auth/totp.ts";
export * from "./auth/recovery-codes.ts";
export * from "./auth/present-user.ts";
export * from "./auth/register.ts";
export * from "./auth/registration-policy.ts";
export * from "./auth/create-admin.ts";
export * from "./auth/login.ts";
export * from "./auth/verify-login.ts";
export * from "./auth/refresh.ts";
export * from "./auth/password-reset.ts";
export * from "./auth/verify-email.ts";
export * from "./auth/totp-management.ts";
export * from "./auth/me.ts";
export * from "./auth/new-user.ts";

// Orgs and members
export * from "./orgs/roles.ts";
export * from "./orgs/schemas.ts";
export * from "./orgs/present-org.ts";
export * from "./orgs/manage-orgs.ts";
export * from "./orgs/manage-members.ts";
export * from "./orgs/org-access.ts";

// Products, their policy and signing keys
export * from "./products/policy.ts";
export * from "./products/schemas.ts";
export * from "./products/present-product.ts";
export * from "./products/manage-products.ts";
export * from "./products/product-access.ts";
export * from "./products/caller-access.ts";

// API keys and scopes
export * from "./apikeys/scopes.ts";
export * from "./apikeys/principal.ts";
export * from "./apikeys/key-format.ts";
export * from "./apikeys/authenticate-api-key.ts";
export * from "./apikeys/schemas.ts";
export * from "./apikeys/present-api-key.ts";
export * from "./apikeys/manage-api-keys.ts";

// Licenses: create, query, change, export, import
export * from "./licenses/license.ts";
export * from "./licenses/license-fields.ts";
export * from "./licenses/license-key.ts";
export * from "./licenses/state.ts";
export * from "./licenses/time-rules.ts";
export * from "./licenses/schemas.ts";
export * from "./licenses/present-license.ts";
export * from "./licenses/license-access.ts";
export * from "./licenses/metadata.ts";
export * from "./licenses/create-licenses.ts";
export * from "./licenses/patch-license.ts";
export * from "./licenses/bulk-actions.ts";
export * from "./licenses/query-licenses.ts";
export * from "./licenses/redeem.ts";
export * from "./licenses/portable-license.ts";
export * from "./licenses/export-licenses.ts";
export * from "./licenses/import-licenses.ts";
export * from "./licenses/import-sources.ts";

// End users and sessions
export * from "./endusers/schemas.ts";
export * from "./endusers/present-end-user.ts";
export * from "./endusers/manage-end-users.ts";
export * from "./sessions/present-session.ts";
export * from "./sessions/manage-sessions.ts";

// Blacklists
export * from "./blacklists/ip-range.ts";
export * from "./blacklists/normalize-entry.ts";
export * from "./blacklists/schemas.ts";
export * from "./blacklists/present-blacklist-entry.ts";
export * from "./blacklists/manage-blacklists.ts";
export * from "./blacklists/find-blacklist-match.ts";
export { ipToHex, parseAddress, formatAddress, type ParsedAddress } from "./blacklists/ip-address.ts";

// Authorize: signed requests, the decision, signed answers
export * from "./authorize/request-signing.ts";
export * from "./authorize/response-signing.ts";
export * from "./authorize/schemas.ts";
export * from "./authorize/parse-body.ts";
export * from "./authorize/decide.ts";
export * from "./authorize/decision-view.ts";
export * from "./authorize/authorize-license.ts";
export * from "./authorize/release-session.ts";
export * from "./authorize/authorize-answerer.ts";
export * from "./authorize/in-process-nonce-store.ts";

// Rate limits
export * from "./ratelimit/gcra.ts";
export * from "./ratelimit/settings.ts";
export * from "./ratelimit/tighter.ts";
export * from "./ratelimit/ip-subject.ts";
export * from "./ratelimit/limiter.ts";
export * from "./ratelimit/product-limits.ts";
export * from "./ratelimit/in-process-store.ts";

// Idempotency-Key records
export * from "./idempotency/fingerprint.ts";
export * from "./idempotency/key.ts";
export * from "./idempotency/verdict.ts";
export * from "./idempotency/idempotency.ts";
export * from "./idempotency/in-process-store.ts";

// Webhooks: events, endpoints, delivery
export * from "./webhooks/event-catalogue.ts";
export * from "./webhooks/backoff.ts";
export * from "./webhooks/ip-address-class.ts";
export * from "./webhooks/url-policy.ts";
export * from "./webhooks/signature.ts";
export * from "./webhooks/secret-box.ts";
export * from "./webhooks/settings.ts";
export * from "./webhooks/schemas.ts";
export * from "./webhooks/present-webhooks.ts";
export * from "./webhooks/event-subscription.ts";
export * from "./webhooks/event-payloads.ts";
export * from "./webhooks/record-event.ts";
export * from "./webhooks/manage-endpoints.ts";
export * from "./webhooks/rotate-webhook-secret.ts";
export * from "./webhooks/send-test-event.ts";
export * from "./webhooks/manage-deliveries.ts";
export * from "./webhooks/fan-out.ts";
export * from "./webhooks/delivery-outcome.ts";
export * from "./webhooks/delivery-body.ts";
export * from "./webhooks/webhook-sender.ts";
export * from "./webhooks/record-attempts.ts";
export * from "./webhooks/delivery-report.ts";
export * from "./webhooks/attempt-delivery.ts";
export * from "./webhooks/webhook-worker.ts";
export * from "./webhooks/deferred-payloads.ts";

// The answer schemas, one beside each presenter (the OpenAPI document's `data` shapes).
export * from "./auth/user-schema.ts";
export * from "./orgs/org-schema.ts";
export * from "./apikeys/api-key-schema.ts";
export * from "./blacklists/blacklist-entry-schema.ts";
export * from "./licenses/license-schema.ts";
export * from "./sessions/session-schema.ts";
export * from "./products/product-schema.ts";
export * from "./endusers/end-user-schema.ts";
export * from "./webhooks/webhook-schemas.ts";

// Mail: sending the outbox over SMTP (docs/mail.md)
export * from "./mail/mail-worker.ts";

// Audit log: who changed what, hash-chained per org (docs/team-and-audit.md#audit-log)
export * from "./audit/actor.ts";
export * from "./audit/canonical-json.ts";
export * from "./audit/audit-entry.ts";
export * from "./audit/audit-chain.ts";
export * from "./audit/changed-fields.ts";
export * from "./audit/record-audit.ts";
export * from "./audit/audit-query.ts";
export * from "./audit/read-audit-log.ts";
