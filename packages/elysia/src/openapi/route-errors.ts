import type { ErrorCode } from "@geckoguard/core";
import type { SecurityRequirement } from "./security-schemes.ts";

/** What the document builder knows of an operation when it lists the codes it can answer. */
export interface OperationFacts {
  method: string;
  security: SecurityRequirement[] | undefined;
  hasInput: boolean;
  hasBody: boolean;
  hasPathParams: boolean;
  /** `orgId` / `productId` in the query or body: checked like a path's (http/tenant-access.ts). */
  namesTenantField: boolean;
}

/** Methods that take an Idempotency-Key (openapi-document.ts). */
export const MUTATING = new Set(["post", "patch", "delete"]);

const has = (security: SecurityRequirement[] | undefined, scheme: string) => security?.some((requirement) => scheme in requirement) ?? false;

/**
 * The codes every operation of a kind can answer, from the guards and hooks it passes
 * through (docs/errors.md says when each occurs): the credential's refusals and rate
 * limits, validation of declared input, the body limit, Idempotency-Key conflicts on
 * writes, and 500. A route adds what its own use case can answer (answer-doc.ts).
 */
export function impliedErrors(facts: OperationFacts): ErrorCode[] {
  const codes: ErrorCode[] = ["INTERNAL_ERROR"];
  const signed = has(facts.security, "ggSignature");
  const bearer = has(facts.security, "bearerAuth");
  const apiKey = has(facts.security, "apiKey") && !signed;
  const endUser = has(facts.security, "endUserBearerAuth");
  const writes = !signed && MUTATING.has(facts.method);
  // A malformed Idempotency-Key is a validation error too.
  if (facts.hasInput || writes) codes.push("VALIDATION_ERROR");
  if (facts.hasBody) codes.push("PAYLOAD_TOO_LARGE");
  if (writes) codes.push("IDEMPOTENCY_KEY_REUSE", "IDEMPOTENCY_KEY_IN_PROGRESS");
  if (bearer) codes.push("UNAUTHORIZED", "RATE_LIMITED");
  // An org or product named: not yours (FORBIDDEN), your role is too low (PERMISSION_DENIED), or no such thing.
  const namesTenant = facts.hasPathParams || facts.namesTenantField;
  if (bearer && namesTenant) codes.push("FORBIDDEN", "PERMISSION_DENIED", "NOT_FOUND");
  if (apiKey) codes.push("UNAUTHORIZED", "RATE_LIMITED", "PRODUCT_RATE_LIMITED");
  // The portal: its token, its org's portal switched off, and the caller's own licenses (another's reads as 404).
  if (endUser) codes.push("UNAUTHORIZED", "RATE_LIMITED", "PORTAL_DISABLED");
  if (endUser && facts.hasPathParams) codes.push("NOT_FOUND");
  // Every API-key route but whoami needs a scope; a product named must be the key's own.
  if (apiKey && facts.hasInput) codes.push("PERMISSION_DENIED");
  if (apiKey && namesTenant) codes.push("FORBIDDEN", "NOT_FOUND");
  // The public routes that take input are the account routes, which have their own IP buckets.
  if (facts.security?.length === 0 && facts.hasInput) codes.push("RATE_LIMITED");
  // /metrics: a wrong token, or no token configured and a caller off this machine.
  if (has(facts.security, "metricsToken")) codes.push("UNAUTHORIZED", "FORBIDDEN");
  return codes;
}
