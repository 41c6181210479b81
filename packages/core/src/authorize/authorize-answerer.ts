import { fail } from "../errors/envelope.ts";
import { GgError, isGgError, type ErrorDetail } from "../errors/gg-error.ts";
import type { ErrorCode } from "../errors/catalogue.ts";
import { rateLimitFigures, type RateLimitFigures } from "../ratelimit/gcra.ts";
import { KnownKeyError, type AuthorizeDeps, type LicenseDenial } from "./authorize-license.ts";
import { SIGNED_OPERATIONS, type SignedOperation } from "./signed-operations.ts";
import { signResponse, SigningKeyCache } from "./response-signing.ts";

const isDenial = (answer: object): answer is LicenseDenial => (answer as { valid?: unknown }).valid === false;

/** A GgError as plain data, to cross a thread boundary. */
export interface GgErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

export const ggErrorShape = (error: GgError): GgErrorShape => ({
  code: error.code,
  message: error.message,
  ...(error.details ? { details: error.details } : {}),
});

/** An authorize request as read off the wire: credential and signing headers, raw body (or why it could not be read), caller. */
export interface AuthorizeRawRequest {
  /** Which signed license call (signed-operations.ts): POST /v1/licenses/authorize (the default), /release, … */
  operation?: SignedOperation;
  headers: { apiKey?: string; timestamp?: string; nonce?: string; signature?: string };
  pathWithQuery: string;
  /** The raw body read within its size limit; `error` when it was too large or unreadable (GgError) or the read failed (null). */
  body: { text: string } | { error: GgErrorShape | null };
  clientIp: string;
}

/**
 * An authorize call's result as plain data (it crosses from the authorize thread as
 * JSON): the HTTP layer derives the status and headers from `code` and `rateLimit`.
 */
export interface AuthorizeReply {
  /** null: the license is valid; otherwise the denial's or the error's code. */
  code: ErrorCode | null;
  /** The envelope, exactly the bytes that were signed. */
  body: string;
  /** Ed25519 over nonce + "\n" + body with the product's key; null when the API key was not known. */
  signature: string | null;
  /** The figures to report: the tightest passed bucket, or the bucket that refused the call. */
  rateLimit?: RateLimitFigures;
  /** The class of an unexpected error, for the server log (never its message). */
  failure?: string;
}

export type AuthorizeAnswerer = (request: AuthorizeRawRequest) => Promise<AuthorizeReply>;

/**
 * POST /v1/licenses/authorize (and the other signed license calls) from request to signed
 * reply: runs the named operation (signed-operations.ts), turns its result or error into the envelope, and signs every answer made once the API key is
 * known with the key's product (docs/authentication.md#the-answer-signature). Transport-free,
 * so the same function runs on the HTTP thread or on the authorize thread next to the database.
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
    let code: ErrorCode | null = null;
    let body: string;
    let rateLimit: RateLimitFigures | undefined;
    let failure: string | undefined;
    try {
      const call = { headers: request.headers, pathWithQuery: request.pathWithQuery, readBody, clientIp: request.clientIp };
      const result = await SIGNED_OPERATIONS[request.operation ?? "authorize"](deps, call);
      productId = result.productId;
      if (result.rateLimit) rateLimit = rateLimitFigures(result.rateLimit);
      if (isDenial(result.answer)) {
        code = result.answer.code as ErrorCode;
        body = JSON.stringify(fail(code, result.answer.message, result.answer.details));
      } else {
        body = JSON.stringify({ ok: true, data: result.answer });
      }
    } catch (thrown) {
      const error = thrown instanceof KnownKeyError ? thrown.error : thrown;
      if (thrown instanceof KnownKeyError) productId = thrown.productId;
      if (!isGgError(error)) failure = (error as { name?: string })?.name ?? typeof error;
      const known = isGgError(error) ? error : new GgError("INTERNAL_ERROR", "Internal server error");
      code = known.code;
      rateLimit = known.rateLimit;
      body = JSON.stringify(fail(known.code, known.message, known.details));
    }
    let signature: string | null = null;
    if (productId !== null) {
      const id = productId;
      const key = await keys.get(id, () => deps.store.signingKeyPem(id));
      if (key !== null) signature = signResponse(key, request.headers.nonce ?? "", body);
    }
    return { code, body, signature, ...(rateLimit !== undefined ? { rateLimit } : {}), ...(failure !== undefined ? { failure } : {}) };
  };
}
