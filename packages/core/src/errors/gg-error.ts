import { statusOf, type ErrorCode } from "./catalogue.ts";
import type { RateLimitFigures } from "../ratelimit/gcra.ts";

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
  /** The refusing bucket's figures when a rate limit refused the request (the HTTP layer reports them). */
  readonly rateLimit: RateLimitFigures | undefined;
  /** Whole seconds the caller should wait, for refusals that are not a rate-limit bucket (the HTTP layer reports it). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { details?: ErrorDetail[]; rateLimit?: RateLimitFigures; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "GgError";
    this.code = code;
    this.status = statusOf(code);
    this.details = extra.details;
    this.rateLimit = extra.rateLimit;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export function isGgError(error: unknown): error is GgError {
  return error instanceof GgError;
}
