import type { AuthorizeKey, AuthorizeStore, NonceStore } from "../ports/authorize.ts";
import type { Clock } from "../clock.ts";
import { GgError } from "../errors/gg-error.ts";
import { constantTimeEqual, sha256Hex } from "../crypto/hash.ts";
import { apiKeyPrefix } from "../apikeys/key-format.ts";
import { canonicalRequest, NONCE_PATTERN, NONCE_TTL_SECONDS, requestSignature, TIMESTAMP_WINDOW_SECONDS } from "./request-signing.ts";
import type { RateLimiter } from "../ratelimit/limiter.ts";
import type { RateLimitDecision } from "../ratelimit/gcra.ts";

export interface AuthorizeDeps {
  store: AuthorizeStore;
  nonces: NonceStore;
  clock: Clock;
  /** The API-key buckets and the per-license one (docs/rate-limits-and-idempotency.md#rate-limits); they throw 429 when empty. Absent: no limits. */
  rateLimiter?: Pick<RateLimiter, "enforceApiKeyLimits" | "enforceLicenseLimit">;
}

export interface AuthorizeRequest {
  headers: { apiKey?: string; timestamp?: string; nonce?: string; signature?: string };
  pathWithQuery: string;
  /** Reads the raw body (with its size limit); called once the key is known, so even a 413 is signed. */
  readBody: () => Promise<string>;
  clientIp: string;
}

/** The key is known from here on; answers (errors included) are signed with its product's key. */
export class KnownKeyError extends Error {
  constructor(readonly productId: string, readonly error: unknown) {
    super("authorize failed after the key was known");
  }
}

async function authenticate(store: AuthorizeStore, rawKey: string | undefined): Promise<AuthorizeKey> {
  const prefix = rawKey ? apiKeyPrefix(rawKey) : null;
  const key = prefix === null ? null : await store.findKey(prefix);
  if (key === null || key.revoked || !constantTimeEqual(key.secretHash, sha256Hex(rawKey!))) {
    throw new GgError("UNAUTHORIZED", "Invalid or revoked API key");
  }
  return key;
}

function verifySignature(request: AuthorizeRequest, rawBody: string, key: string, nowMs: number): void {
  const { timestamp, nonce, signature } = request.headers;
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp) || Math.abs(Number(timestamp) - nowMs / 1000) > TIMESTAMP_WINDOW_SECONDS) {
    throw new GgError("TIMESTAMP_OUT_OF_RANGE", `X-GG-Timestamp must be unix seconds within ${TIMESTAMP_WINDOW_SECONDS} s of server time`);
  }
  if (signature === undefined || signature === "") throw new GgError("INVALID_SIGNATURE", "Missing X-GG-Signature");
  const expected = requestSignature(key, canonicalRequest(timestamp, nonce ?? "", "POST", request.pathWithQuery, rawBody));
  if (!constantTimeEqual(expected, signature.toLowerCase())) throw new GgError("INVALID_SIGNATURE", "X-GG-Signature does not match the request");
  if (nonce === undefined || !NONCE_PATTERN.test(nonce)) {
    throw new GgError("VALIDATION_ERROR", "X-GG-Nonce must be 16–128 characters of A–Z, a–z, 0–9, _ or -");
  }
}

/** A signed call whose key, signature and nonce passed: what the license step works with. */
export interface CheckedCall {
  key: AuthorizeKey;
  rawBody: string;
  keyLimits: RateLimitDecision | undefined;
}

/**
 * The checks authorize and release share, in docs/authorize.md#order-of-checks: API key
 * (and its rate-limit buckets) → scope `license:authorize` → body read → timestamp →
 * signature → nonce; then `run` does the license part. Everything after the key is known
 * is rethrown as KnownKeyError, so its answer is signed with the key's product.
 */
export async function signedLicenseCall<T>(deps: AuthorizeDeps, request: AuthorizeRequest, now: number, run: (call: CheckedCall) => Promise<T>): Promise<T> {
  const key = await authenticate(deps.store, request.headers.apiKey);
  try {
    const keyLimits = await deps.rateLimiter?.enforceApiKeyLimits({ ip: request.clientIp, apiKeyId: key.id, productId: key.productId });
    if (!key.permissions.includes("license:authorize")) throw new GgError("PERMISSION_DENIED", "This API key lacks the 'license:authorize' scope");
    const rawBody = await request.readBody();
    verifySignature(request, rawBody, request.headers.apiKey!, now);
    if (!(await deps.nonces.consume(key.id, request.headers.nonce!, now + NONCE_TTL_SECONDS * 1000, now))) {
      throw new GgError("NONCE_REUSED", "This nonce was already used with this API key");
    }
    return await run({ key, rawBody, keyLimits });
  } catch (error) {
    throw new KnownKeyError(key.productId, error);
  }
}
