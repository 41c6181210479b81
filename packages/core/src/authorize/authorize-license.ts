import type { AuthorizeKey, AuthorizeLicense, AuthorizeStore, DeviceReport, NonceStore, Sighting } from "../ports/authorize.ts";
import { toIso, toIsoOrNull, type Clock } from "../clock.ts";
import { GgError } from "../errors/gg-error.ts";
import { constantTimeEqual, sha256Hex } from "../crypto/hash.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { apiKeyPrefix } from "../apikeys/key-format.ts";
import { ipToHex } from "../blacklists/ip-address.ts";
import { canonicalRequest, NONCE_PATTERN, NONCE_TTL_SECONDS, requestSignature, TIMESTAMP_WINDOW_SECONDS } from "./request-signing.ts";
import { parseAuthorizeBody } from "./parse-body.ts";
import { decideAuthorization, slotFull, type Decision, type Slot } from "./decide.ts";
import { loadDecisionView } from "./decision-view.ts";
import type { AuthorizeInput } from "./schemas.ts";
import type { RateLimiter } from "../ratelimit/limiter.ts";
import type { RateLimitDecision } from "../ratelimit/gcra.ts";
import { tighter } from "../ratelimit/tighter.ts";

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

export type AuthorizeAnswer =
  | { valid: true; license: { id: string; status: string; expiresAt: string | null }; session: { id: string; expiresAt: string } }
  | { valid: false; code: string; message: string };

/** The key is known from here on; answers (errors included) are signed with its product's key. */
export class KnownKeyError extends Error {
  constructor(readonly productId: string, readonly error: unknown) {
    super("authorize failed after the key was known");
  }
}

/** `::ffff:1.2.3.4` is 1.2.3.4 (docs/authorize.md, decisions). */
export function normalizeClientIp(ip: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip) ? ip.slice(7) : ip;
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

/** Loads everything the decision needs, then decides (no queries inside the guards). */
async function decide(deps: AuthorizeDeps, productId: string, input: AuthorizeInput, ip: string, now: number) {
  const request = { licenseKey: input.licenseKey, hwid: input.hwid, ipHex: ipToHex(ip), sessionId: input.sessionId };
  const view = await loadDecisionView(deps.store, productId, request, now);
  if (view === null) throw new GgError("LICENSE_NOT_FOUND", "No license with this key for this product");
  const { license } = view;
  const decision = decideAuthorization({ license, policy: license.policy, blacklisted: view.blacklisted, hwid: input.hwid, ip, session: view.session, liveSessions: view.liveSessions, now });
  return { license, decision };
}

function deviceReport(input: AuthorizeInput): DeviceReport {
  return {
    ...(input.deviceName !== undefined ? { name: input.deviceName } : {}),
    ...(input.devicePlatform !== undefined ? { platform: input.devicePlatform } : {}),
  };
}

/** The HWID and IP of this call that are bound to the license (just now or before). */
function sighting(license: AuthorizeLicense, decision: Decision & { allow: true }, input: AuthorizeInput, ip: string, device: DeviceReport): Sighting {
  const hwid = decision.bindHwid ?? (input.hwid !== undefined && license.hwids.includes(input.hwid) ? input.hwid : undefined);
  const boundIp = decision.bindIp ?? (license.ips.includes(ip) ? ip : undefined);
  return { ...(hwid !== undefined ? { hwid } : {}), ...(boundIp !== undefined ? { ip: boundIp } : {}), device };
}

/**
 * Rounds of read → decide → guarded writes. A lost guard means another call changed the
 * license (bound a value, took a session slot), so the next round reads a state closer to
 * a verdict; in practice two or three rounds settle even 50 racing calls.
 */
const MAX_ROUNDS = 6;

/** Writes an allow's changes with guarded, durable writes; `{ lost }` names the guard that lost a race. */
async function apply(deps: AuthorizeDeps, license: AuthorizeLicense, decision: Decision & { allow: true }, input: AuthorizeInput, ip: string, now: number) {
  const { store } = deps;
  const lost = (slot: Slot) => ({ lost: slot }) as const;
  const device = deviceReport(input);
  if (decision.bindHwid !== null && !(await store.bind("hwid", license, decision.bindHwid, now, device))) return lost("hwid");
  if (decision.bindIp !== null && !(await store.bind("ip", license, decision.bindIp, now, device))) return lost("ip");
  if (decision.expiresAt !== null) await store.startClock(license.id, decision.expiresAt, now);
  const sessionExpiresAt = now + license.policy.sessionTtlSeconds * 1000;
  let sessionId = input.sessionId;
  if (decision.session === "open") {
    sessionId = uuidv7(now);
    const session = { id: sessionId, licenseId: license.id, hwid: input.hwid ?? null, ip, appVersion: input.appVersion ?? null, createdAt: now, lastSeenAt: now, expiresAt: sessionExpiresAt, revokedAt: null };
    if (!(await store.openSession(session, license, now))) return lost("session");
  } else {
    store.heartbeat(sessionId!, sessionExpiresAt, now);
  }
  store.touchLicense(license, sighting(license, decision, input, ip, device), now);
  return { sessionId: sessionId!, sessionExpiresAt, expiresAt: decision.expiresAt ?? license.expiresAt };
}

/**
 * POST /v1/licenses/authorize, in docs/authorize.md#order-of-checks: API key (and its rate-limit buckets)
 * → scope → timestamp → signature → nonce → per-license rate limit → license → state →
 * blacklist → HWID → IP → sessions. Bad input, auth and limits throw (wrapped in
 * KnownKeyError once the key is known); a denial is an answer value.
 */
export async function authorizeLicense(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
): Promise<{ productId: string; answer: AuthorizeAnswer; rateLimit?: RateLimitDecision }> {
  const now = deps.clock.now();
  const ip = normalizeClientIp(request.clientIp);
  const key = await authenticate(deps.store, request.headers.apiKey);
  try {
    const keyLimits = await deps.rateLimiter?.enforceApiKeyLimits({ ip: request.clientIp, apiKeyId: key.id, productId: key.productId });
    if (!key.permissions.includes("license:authorize")) throw new GgError("PERMISSION_DENIED", "This API key lacks the 'license:authorize' scope");
    const rawBody = await request.readBody();
    verifySignature(request, rawBody, request.headers.apiKey!, now);
    if (!(await deps.nonces.consume(key.id, request.headers.nonce!, now + NONCE_TTL_SECONDS * 1000, now))) {
      throw new GgError("NONCE_REUSED", "This nonce was already used with this API key");
    }
    const input = parseAuthorizeBody(rawBody);
    const licenseLimit = await deps.rateLimiter?.enforceLicenseLimit({ productId: key.productId, licenseKey: input.licenseKey });
    const rateLimit = keyLimits && licenseLimit ? tighter(keyLimits, licenseLimit) : undefined;
    for (let round = 1; ; round++) {
      const { license, decision } = await decide(deps, key.productId, input, ip, now);
      if (!decision.allow) {
        if (decision.code === "VALIDATION_ERROR") throw new GgError("VALIDATION_ERROR", decision.message, { details: [{ path: "/hwid", message: "Required" }] });
        return { productId: key.productId, answer: { valid: false, code: decision.code, message: decision.message }, rateLimit };
      }
      const applied = await apply(deps, license, decision, input, ip, now);
      if ("lost" in applied) {
        if (round < MAX_ROUNDS) continue; // re-read and decide again
        // Still losing: the slot was full each time the guard ran, which is this verdict.
        const denial = slotFull(applied.lost, license.policy);
        return { productId: key.productId, answer: { valid: false, code: denial.code, message: denial.message }, rateLimit };
      }
      return {
        productId: key.productId,
        rateLimit,
        answer: {
          valid: true,
          license: { id: license.id, status: license.status, expiresAt: toIsoOrNull(applied.expiresAt) },
          session: { id: applied.sessionId, expiresAt: toIso(applied.sessionExpiresAt) },
        },
      };
    }
  } catch (error) {
    throw new KnownKeyError(key.productId, error);
  }
}
