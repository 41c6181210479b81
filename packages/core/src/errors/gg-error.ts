import { statusOf, type ErrorCode } from "./catalogue.ts";

/** A field-level reason attached to VALIDATION_ERROR (and import row errors). */
export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * The only error class core throws for expected failures. The HTTP layer turns it into
 * the envelope; anything that is not a GgError becomes a generic INTERNAL_ERROR.
 */
export class GgError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;
  /** Extra response headers the HTTP layer should set (e.g. Retry-After). */
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { details?: ErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "GgError";
    this.code = code;
    this.status = statusOf(code);
    this.details = extra.details;
    this.headers = extra.headers;
  }
}

export function isGgError(error: unknown): error is GgError {
  return error instanceof GgError;
}
