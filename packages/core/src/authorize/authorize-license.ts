import type { AuthorizeLicense, AuthorizeOutcome, DeviceReport, Sighting } from "../ports/authorize.ts";
import { toIso, toIsoOrNull } from "../clock.ts";
import { GgError, type ErrorDetail } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { ipToHex } from "../blacklists/ip-address.ts";
import { parseAuthorizeBody } from "./parse-body.ts";
import { decideAuthorization, slotFull, type Decision, type Slot } from "./decide.ts";
import { loadDecisionView } from "./decision-view.ts";
import type { AuthorizeInput } from "./schemas.ts";
import type { RateLimitDecision } from "../ratelimit/gcra.ts";
import { tighter } from "../ratelimit/tighter.ts";
import { signedLicenseCall, type AuthorizeDeps, type AuthorizeRequest } from "./signed-call.ts";
import { versionVerdict, type UpdateInfo } from "../versions/version-verdict.ts";

export { KnownKeyError, type AuthorizeDeps, type AuthorizeRequest } from "./signed-call.ts";

export type AuthorizeAnswer =
  | { valid: true; license: { id: string; status: string; expiresAt: string | null }; session: { id: string; expiresAt: string }; update?: UpdateInfo }
  | LicenseDenial;

/** A signed verdict against the call (a value, not an error): the answer's code, message and, for some codes, details. */
export type LicenseDenial = { valid: false; code: string; message: string; details?: ErrorDetail[] };

/** `::ffff:1.2.3.4` is 1.2.3.4 (docs/authorize.md, decisions). */
export function normalizeClientIp(ip: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip) ? ip.slice(7) : ip;
}

/** Loads everything the decision needs, then decides (no queries inside the guards). */
async function decide(deps: AuthorizeDeps, productId: string, input: AuthorizeInput, ip: string, now: number) {
  const request = { licenseKey: input.licenseKey, hwid: input.hwid, ipHex: ipToHex(ip), sessionId: input.sessionId };
  const view = await loadDecisionView(deps.store, productId, request, now);
  if (view === null) {
    deps.store.countOutcome(productId, "LICENSE_NOT_FOUND", now);
    throw new GgError("LICENSE_NOT_FOUND", "No license with this key for this product");
  }
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

/** The version verdict for a license's reported app version, from the product's catalogue (the read cache keeps it). */
async function appVersionVerdict(deps: AuthorizeDeps, license: AuthorizeLicense, appVersion: string) {
  const catalog = await deps.store.versionCatalog(license.productId);
  return versionVerdict(catalog, { channels: license.channels, updatesUntil: license.updatesUntil, rejectUnknownVersions: license.policy.rejectUnknownVersions === true }, appVersion);
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
 * blacklist → HWID → IP → sessions → app version (when reported). Bad input, auth and limits throw (wrapped in
 * KnownKeyError once the key is known); a denial is an answer value.
 */
export async function authorizeLicense(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
): Promise<{ productId: string; answer: AuthorizeAnswer; rateLimit?: RateLimitDecision }> {
  const now = deps.clock.now();
  const ip = normalizeClientIp(request.clientIp);
  return signedLicenseCall(deps, request, now, async ({ key, rawBody, keyLimits }) => {
    const input = parseAuthorizeBody(rawBody);
    const licenseLimit = await deps.rateLimiter?.enforceLicenseLimit({ productId: key.productId, licenseKey: input.licenseKey });
    const rateLimit = keyLimits && licenseLimit ? tighter(keyLimits, licenseLimit) : undefined;
    for (let round = 1; ; round++) {
      const { license, decision } = await decide(deps, key.productId, input, ip, now);
      if (!decision.allow) {
        if (decision.code === "VALIDATION_ERROR") throw new GgError("VALIDATION_ERROR", decision.message, { details: [{ path: "/hwid", message: "Required" }] });
        deps.store.countOutcome(key.productId, decision.code, now);
        return { productId: key.productId, answer: { valid: false, code: decision.code, message: decision.message }, rateLimit };
      }
      // The reported version is checked last, on a license that passed every other check; a denial writes nothing.
      let update: UpdateInfo | undefined;
      if (input.appVersion !== undefined) {
        const verdict = await appVersionVerdict(deps, license, input.appVersion);
        if ("denial" in verdict) return { productId: key.productId, answer: verdict.denial, rateLimit };
        update = verdict.update;
      }
      const applied = await apply(deps, license, decision, input, ip, now);
      if ("lost" in applied) {
        if (round < MAX_ROUNDS) continue; // re-read and decide again
        // Still losing: the slot was full each time the guard ran, which is this verdict.
        const denial = slotFull(applied.lost, license.policy);
        deps.store.countOutcome(key.productId, denial.code as AuthorizeOutcome, now); // a slot's code, never VALIDATION_ERROR
        return { productId: key.productId, answer: { valid: false, code: denial.code, message: denial.message }, rateLimit };
      }
      deps.store.countOutcome(key.productId, "ALLOWED", now);
      return {
        productId: key.productId,
        rateLimit,
        answer: {
          valid: true,
          license: { id: license.id, status: license.status, expiresAt: toIsoOrNull(applied.expiresAt) },
          session: { id: applied.sessionId, expiresAt: toIso(applied.sessionExpiresAt) },
          ...(update !== undefined ? { update } : {}),
        },
      };
    }
  });
}
