import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Request signing (docs/authentication.md#signing-an-authorize-request). Pure functions, so a vendor backend or test can reuse them. */

export const AUTHORIZE_PATH = "/v1/licenses/authorize";
/** Ends a session (an app's clean exit): signed and answered like authorize. */
export const RELEASE_PATH = "/v1/licenses/release";

export const HEADER_API_KEY = "X-Api-Key";
export const HEADER_TIMESTAMP = "X-GG-Timestamp";
export const HEADER_NONCE = "X-GG-Nonce";
export const HEADER_SIGNATURE = "X-GG-Signature";
export const HEADER_RESPONSE_SIGNATURE = "X-GG-Response-Signature";

const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

export interface CanonicalRequest {
  /** Unix seconds, exactly as sent in X-GG-Timestamp. */
  timestamp: number | string;
  nonce: string;
  /** Defaults to POST, the only method authorize accepts. */
  method?: string;
  /** Request path with its query string, including any prefix of the base URL. */
  path: string;
  /** The exact bytes sent as the body (a string is taken as UTF-8). */
  body: string | Uint8Array;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** timestamp \n nonce \n METHOD \n path \n hex(sha256(body)) */
export function canonicalRequestString(req: CanonicalRequest): string {
  return [String(req.timestamp), req.nonce, req.method ?? "POST", req.path, sha256Hex(req.body)].join("\n");
}

/** hex(HMAC-SHA256(key = the API key string, canonical string)). */
export function signRequest(apiKey: string, req: CanonicalRequest): string {
  return createHmac("sha256", apiKey).update(canonicalRequestString(req)).digest("hex");
}

/** Server-side check of X-GG-Signature, constant-time. Case of the hex digits is ignored. */
export function requestSignatureMatches(apiKey: string, req: CanonicalRequest, signature: string): boolean {
  if (!HEX_SHA256.test(signature)) return false;
  const expected = Buffer.from(signRequest(apiKey, req), "hex");
  return timingSafeEqual(expected, Buffer.from(signature, "hex"));
}

export function isValidNonce(nonce: string): boolean {
  return NONCE_PATTERN.test(nonce);
}

/** 32 characters of base64url from 24 CSPRNG bytes (192 bits). */
export function newNonce(): string {
  return randomBytes(24).toString("base64url");
}

/** The four authentication headers of a signed authorize request. */
export function signedRequestHeaders(apiKey: string, req: CanonicalRequest): Record<string, string> {
  return {
    [HEADER_API_KEY]: apiKey,
    [HEADER_TIMESTAMP]: String(req.timestamp),
    [HEADER_NONCE]: req.nonce,
    [HEADER_SIGNATURE]: signRequest(apiKey, req),
  };
}
