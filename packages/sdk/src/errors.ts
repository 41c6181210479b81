/** Verdicts on the license or session itself (docs/errors.md#license-decisions-authorize), signed by the server. */
export const DENIAL_CODES = [
  "LICENSE_NOT_FOUND",
  "LICENSE_REVOKED",
  "LICENSE_EXPIRED",
  "LICENSE_FROZEN",
  "HWID_MISMATCH",
  "IP_MISMATCH",
  "HWID_BLACKLISTED",
  "IP_BLACKLISTED",
  "MAX_SESSIONS_REACHED",
  "SESSION_REVOKED",
  "UPDATE_REQUIRED",
  "VERSION_UNKNOWN",
  "VERSION_YANKED",
] as const;

/** The server refused the request itself: integration or configuration problems. */
export const REJECTION_CODES = [
  "INVALID_SIGNATURE",
  "TIMESTAMP_OUT_OF_RANGE",
  "NONCE_REUSED",
  "UNAUTHORIZED",
  "PERMISSION_DENIED",
  "FORBIDDEN",
  "VALIDATION_ERROR",
  "PAYLOAD_TOO_LARGE",
  "NOT_FOUND",
] as const;

/** Worth retrying later: rate limits and server faults. */
export const RETRY_CODES = ["RATE_LIMITED", "PRODUCT_RATE_LIMITED", "INTERNAL_ERROR"] as const;

/** Produced by this client, never by the server. */
export const CLIENT_CODES = [
  /** The answer's X-GG-Response-Signature is missing or does not verify. */
  "RESPONSE_SIGNATURE_INVALID",
  /** Signed, but not the JSON shape docs/authentication.md promises. */
  "INVALID_RESPONSE",
  /** No answer: DNS, connection refused or reset, TLS. */
  "NETWORK_ERROR",
  /** No complete answer within `timeoutMs`. */
  "TIMEOUT",
  /** An unsigned 429 or 5xx: the server or a proxy in front of it is in trouble. */
  "UNSIGNED_SERVER_ERROR",
  /** An unsigned 4xx other than the unknown-key 401: a wrong baseUrl or a proxy's refusal. */
  "UNSIGNED_REJECTION",
] as const;

export type DenialCode = (typeof DENIAL_CODES)[number];
export type RejectionCode = (typeof REJECTION_CODES)[number];
export type RetryCode = (typeof RETRY_CODES)[number];
export type ClientCode = (typeof CLIENT_CODES)[number];
/** Known codes, plus any code a newer server may add. */
export type FailureCode = DenialCode | RejectionCode | RetryCode | ClientCode | (string & {});

/** Every kind a failure can have, in the README's table order. */
export const FAILURE_KINDS = ["denied", "rejected", "retry", "untrusted"] as const;

/**
 * What the caller should do about a failure:
 * - `denied`: the server (signature verified) says this license/session may not run.
 * - `rejected`: the request was refused; fix the integration (key, scope, clock, input, baseUrl).
 * - `retry`: transient (network, timeout, rate limit, 5xx); the only kind a grace period covers.
 * - `untrusted`: the answer could not be verified (forged, tampered, replayed, wrong product key); it grants nothing.
 */
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface AuthorizeFailure {
  ok: false;
  code: FailureCode;
  kind: FailureKind;
  message: string;
  /** HTTP status of the answer; null when none arrived. */
  status: number | null;
  /** From `Retry-After` on a 429; null otherwise. */
  retryAfterSeconds: number | null;
  /** For RESPONSE_SIGNATURE_INVALID: the code the unverified answer claimed, if any. */
  claimedCode: string | null;
}

/** The known codes of each kind: the README's result table is checked against this (README.test.ts). */
export const CODES_BY_KIND: { readonly [K in FailureKind]: readonly FailureCode[] } = {
  denied: DENIAL_CODES,
  rejected: [...REJECTION_CODES, "UNSIGNED_REJECTION"],
  retry: [...RETRY_CODES, "NETWORK_ERROR", "TIMEOUT", "UNSIGNED_SERVER_ERROR"],
  untrusted: ["RESPONSE_SIGNATURE_INVALID", "INVALID_RESPONSE"],
};

const kindByCode = new Map<string, FailureKind>(FAILURE_KINDS.flatMap((kind) => CODES_BY_KIND[kind].map((code) => [code, kind] as const)));

/** Kind of a code; an unknown server code is judged by its status (5xx → retry). */
export function failureKind(code: string, status: number | null): FailureKind {
  return kindByCode.get(code) ?? (status !== null && status >= 500 ? "retry" : "rejected");
}

export function failure(
  code: FailureCode,
  message: string,
  extra: Partial<Pick<AuthorizeFailure, "status" | "retryAfterSeconds" | "claimedCode">> = {},
): AuthorizeFailure {
  const status = extra.status ?? null;
  return {
    ok: false,
    code,
    kind: failureKind(code, status),
    message,
    status,
    retryAfterSeconds: extra.retryAfterSeconds ?? null,
    claimedCode: extra.claimedCode ?? null,
  };
}

/** Thrown for programmer errors only (bad options or input), never for an answer. */
export class LicenseClientConfigError extends Error {
  override name = "LicenseClientConfigError";
}

/** Thrown by `deriveHwid` when no machine identifier can be read on this host. */
export class HwidUnavailableError extends Error {
  override name = "HwidUnavailableError";
}
