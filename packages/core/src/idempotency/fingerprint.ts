import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The request an Idempotency-Key stands for: HMAC-SHA256 over method, path (with its
 * query) and the raw body bytes, one per line (a method and a path hold no newline, so
 * the encoding is unambiguous). Keyed, so a stored fingerprint of a body holding a
 * password cannot be brute-forced offline from a copy of the database.
 */
export function requestFingerprint(secret: string | Uint8Array, method: string, path: string, body: string): string {
  return createHmac("sha256", secret).update(`${method.toUpperCase()}\n${path}\n`).update(body).digest("hex");
}

export function sameFingerprint(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
