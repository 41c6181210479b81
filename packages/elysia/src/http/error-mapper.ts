import { isGgError, silentLogger, statusOf, validationMessage, type ErrorCode, type ErrorDetail, type GgError, type Logger, type RateLimitFigures } from "@geckoguard/core";
import { fail } from "./envelope.ts";
import { rateLimitHeaders } from "./rate-limit-headers.ts";

interface ValidationIssue {
  path?: string;
  message?: string;
  type?: unknown;
  value?: unknown;
  schema?: { description?: string; anyOf?: { description?: string; type?: string }[] };
}

/** Elysia's ValidationError → field paths and reasons (values are not echoed back). */
function validationDetails(error: unknown): ErrorDetail[] {
  const all = (error as { all?: ValidationIssue[] }).all ?? [];
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const issue of all) {
    const detail = { path: issue.path || "/", message: validationMessage(issue) };
    const key = `${detail.path}|${detail.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      details.push(detail);
    }
  }
  return details;
}

/**
 * The GgError behind `error`, if any. Elysia wraps what a parse hook throws in its own
 * ParseError (`cause` = the original), so a GgError from the body parser (413, 400) is
 * found one level down.
 */
function ggErrorOf(error: unknown): GgError | undefined {
  if (isGgError(error)) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return isGgError(cause) ? cause : undefined;
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

/** What a log line may say about an unexpected error: its class and the driver's code, never the message (it can hold SQL and parameters) or a stack. */
export function errorLogFields(error: unknown): { errorClass: string; cause: string | undefined } {
  return { errorClass: (error as { name?: string } | null)?.name ?? typeof error, cause: causeCode(error) };
}

/**
 * The status and headers of an answer with this code (null: a success) that reports
 * these rate-limit figures: the catalogue's status, `RateLimit-*`, and `Retry-After`
 * when the figures are a refusal. Every route's errors and the authorize answer's
 * denials get theirs here.
 */
export function answerHead(code: ErrorCode | null, rateLimit: RateLimitFigures | undefined): { status: number; headers: Record<string, string> } {
  return { status: code === null ? 200 : statusOf(code), headers: rateLimit === undefined ? {} : rateLimitHeaders(rateLimit) };
}

/**
 * The single place where an error becomes an HTTP answer. GgError carries its code;
 * Elysia's own errors map to the catalogue; anything else is a 500 whose log line names
 * the error class only (driver messages can hold SQL and parameters).
 */
export function mapError(
  elysiaCode: string | number,
  error: unknown,
  set: { status?: number | string; headers: Record<string, string | number> },
  logger: Logger = silentLogger,
) {
  const domain = ggErrorOf(error);
  if (domain !== undefined) {
    const head = answerHead(domain.code, domain.rateLimit);
    set.status = head.status;
    Object.assign(set.headers, head.headers);
    if (domain.retryAfterSeconds !== undefined) set.headers["retry-after"] = String(domain.retryAfterSeconds);
    return fail(domain.code, domain.message, domain.details);
  }
  switch (elysiaCode) {
    case "VALIDATION":
      set.status = statusOf("VALIDATION_ERROR");
      return fail("VALIDATION_ERROR", "Request validation failed", validationDetails(error));
    case "PARSE":
      set.status = statusOf("VALIDATION_ERROR");
      return fail("VALIDATION_ERROR", "Malformed request body: expected valid JSON");
    case "NOT_FOUND":
      set.status = statusOf("NOT_FOUND");
      return fail("NOT_FOUND", "No such route");
    case "INVALID_COOKIE_SIGNATURE":
      set.status = statusOf("UNAUTHORIZED");
      return fail("UNAUTHORIZED", "Invalid cookie");
  }
  logger.error("request.failed", errorLogFields(error));
  set.status = statusOf("INTERNAL_ERROR");
  return fail("INTERNAL_ERROR", "Internal server error");
}
