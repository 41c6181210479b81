import { fail } from "../errors/envelope.ts";
import { GgError, isGgError, type ErrorDetail } from "../errors/gg-error.ts";
import type { ErrorCode } from "../errors/catalogue.ts";
import { statusOf } from "../errors/catalogue.ts";
import { rateLimitHeaders } from "../ratelimit/headers.ts";
import { authorizeLicense, KnownKeyError, type AuthorizeDeps } from "./authorize-license.ts";
import { signResponse, SigningKeyCache } from "./response-signing.ts";

const JSON_TYPE = "application/json;charset=utf-8";

/** A GgError as plain data, to cross a thread boundary. */
export interface GgErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
  headers?: Record<string, string>;
}

export const ggErrorShape = (error: GgError): GgErrorShape => ({
  code: error.code,
  message: error.message,
  ...(error.details ? { details: error.details } : {}),
  ...(error.headers ? { headers: error.headers } : {}),
});

/** An authorize request as the HTTP layer read it: headers, raw body (or why it could not be read), caller. */
export interface AuthorizeHttpRequest {
  headers: { apiKey?: string; timestamp?: string; nonce?: string; signature?: string };
  pathWithQuery: string;
  /** The raw body read within its size limit; `error` when it was too large or unreadable (GgError) or the read failed (null). */
  body: { text: string } | { error: GgErrorShape | null };
  clientIp: string;
}

/** The whole answer, ready to send. */
export interface AuthorizeHttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** VALID, a denial code or an error code (metrics). */
  outcome: string;
  /** The class of an unexpected error, for the server log (never its message). */
  failure?: string;
}

export type AuthorizeAnswerer = (request: AuthorizeHttpRequest) => Promise<AuthorizeHttpAnswer>;

/**
 * POST /v1/licenses/authorize from request to signed answer: runs authorizeLicense, turns
 * its result or error into the envelope, and signs every answer made once the API key is
 * known with the key's product (docs/authentication.md#the-answer-signature). Transport-free, so the same function runs on
 * the HTTP thread or on the authorize thread next to the database.
 */
export function authorizeAnswerer(deps: AuthorizeDeps): AuthorizeAnswerer {
  const keys = new SigningKeyCache();
  return async (request) => {
    const { body: read } = request;
    const readBody = () =>
      "text" in read
        ? Promise.resolve(read.text)
        : Promise.reject(read.error === null ? new Error("request body could not be read") : new GgError(read.error.code, read.error.message, read.error)); // prettier-ignore
    let productId: string | null = null;
    let status = 200;
    let body: string;
    let outcome: string;
    let failure: string | undefined;
    const headers: Record<string, string> = { "content-type": JSON_TYPE };
    try {
      const result = await authorizeLicense(deps, { headers: request.headers, pathWithQuery: request.pathWithQuery, readBody, clientIp: request.clientIp });
      productId = result.productId;
      if (result.rateLimit) Object.assign(headers, rateLimitHeaders(result.rateLimit));
      if (result.answer.valid) {
        body = JSON.stringify({ ok: true, data: result.answer });
        outcome = "VALID";
      } else {
        const code = result.answer.code as ErrorCode;
        status = statusOf(code);
        body = JSON.stringify(fail(code, result.answer.message));
        outcome = code;
      }
    } catch (thrown) {
      const error = thrown instanceof KnownKeyError ? thrown.error : thrown;
      if (thrown instanceof KnownKeyError) productId = thrown.productId;
      if (!isGgError(error)) failure = (error as { name?: string })?.name ?? typeof error;
      const known = isGgError(error) ? error : new GgError("INTERNAL_ERROR", "Internal server error");
      status = known.status;
      outcome = known.code;
      if (known.headers) Object.assign(headers, known.headers);
      body = JSON.stringify(fail(known.code, known.message, known.details));
    }
    if (productId !== null) {
      const id = productId;
      const key = await keys.get(id, () => deps.store.signingKeyPem(id));
      if (key !== null) headers["x-gg-response-signature"] = signResponse(key, request.headers.nonce ?? "", body);
    }
    return { status, headers, body, outcome, ...(failure !== undefined ? { failure } : {}) };
  };
}
