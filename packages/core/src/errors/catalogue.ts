/**
 * The one table of error codes and their HTTP statuses (each described in docs/errors.md).
 * Nothing else in the code base maps a code to a status.
 */
export const errorCatalogue = {
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_TOTP: 401,
  REFRESH_TOKEN_REUSED: 401,
  INVALID_SIGNATURE: 401,
  TIMESTAMP_OUT_OF_RANGE: 401,
  NONCE_REUSED: 401,
  FORBIDDEN: 403,
  PERMISSION_DENIED: 403,
  LICENSE_REVOKED: 403,
  LICENSE_EXPIRED: 403,
  LICENSE_FROZEN: 403,
  HWID_MISMATCH: 403,
  IP_MISMATCH: 403,
  HWID_BLACKLISTED: 403,
  IP_BLACKLISTED: 403,
  MAX_SESSIONS_REACHED: 403,
  SESSION_REVOKED: 403,
  UPDATE_REQUIRED: 403,
  VERSION_UNKNOWN: 403,
  VERSION_YANKED: 403,
  NOT_FOUND: 404,
  LICENSE_NOT_FOUND: 404,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSE: 409,
  IDEMPOTENCY_KEY_IN_PROGRESS: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  PRODUCT_RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export function statusOf(code: ErrorCode): number {
  return errorCatalogue[code];
}
