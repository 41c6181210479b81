import { hmacSha256Hex, sha256HexDigest } from "../crypto/digest.ts";

/** A signed request is accepted within ±300 s of server time (docs/authentication.md#signing-an-authorize-request). */
export const TIMESTAMP_WINDOW_SECONDS = 300;
/** Nonces are remembered per API key at least this long (twice the window, both sides). */
export const NONCE_TTL_SECONDS = 600;
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export function sha256HexOf(body: string | Uint8Array): string {
  return sha256HexDigest(body);
}

/** timestamp \n nonce \n METHOD \n path-with-query \n hex(sha256(rawBody)) */
export function canonicalRequest(timestamp: string, nonce: string, method: string, pathWithQuery: string, rawBody: string | Uint8Array): string {
  return `${timestamp}\n${nonce}\n${method}\n${pathWithQuery}\n${sha256HexOf(rawBody)}`;
}

/** hex(HMAC-SHA256(key = the API key string, canonical)) */
export function requestSignature(apiKey: string, canonical: string): string {
  return hmacSha256Hex(apiKey, canonical);
}
