import type { AuthorizeKey, AuthorizeLicense } from "../ports/authorize.ts";
import { GgError } from "../errors/gg-error.ts";
import { ipToHex } from "../blacklists/ip-address.ts";
import type { RateLimitDecision } from "../ratelimit/gcra.ts";
import { tighter } from "../ratelimit/tighter.ts";
import { decideAuthorization } from "./decide.ts";
import { normalizeClientIp, type LicenseDenial } from "./authorize-license.ts";
import { signedLicenseCall, type AuthorizeDeps, type AuthorizeRequest } from "./signed-call.ts";

/** What every session call's body carries: the license and the live session of it the app holds. */
export interface SessionCallInput {
  licenseKey: string;
  sessionId: string;
}

/** The license a session call acts for, once it passed every authorize check. */
export interface LicensedSession {
  key: AuthorizeKey;
  license: AuthorizeLicense;
  now: number;
}

/** A signed call's outcome before it is enveloped and signed (authorize-answerer.ts). */
export interface SignedCallResult<A> {
  productId: string;
  answer: A | LicenseDenial;
  rateLimit?: RateLimitDecision;
}

/**
 * A signed call that reads on behalf of a running app (variables, the latest version, a
 * file's download URL): the signed-request checks of authorize (signed-call.ts), the
 * same per-license bucket, then the license's checks in authorize's order — state,
 * blacklist, HWID, IP — and a live session of that license (else SESSION_REVOKED).
 *
 * The machine checked is the one the session was opened from (its recorded HWID), the
 * IP is the caller's. A call that passes binds nothing and extends nothing: only
 * authorize changes bindings and sessions, so an HWID or IP that authorize would bind
 * into a free slot passes here unbound. `run` answers with the data (or a denial value
 * of its own, e.g. a file the license may not download).
 */
export async function sessionLicenseCall<I extends SessionCallInput, A>(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
  parse: (rawBody: string) => I,
  run: (input: I, licensed: LicensedSession) => Promise<A | LicenseDenial>,
): Promise<SignedCallResult<A>> {
  const now = deps.clock.now();
  const ip = normalizeClientIp(request.clientIp);
  return signedLicenseCall(deps, request, now, async ({ key, rawBody, keyLimits }) => {
    const input = parse(rawBody);
    const licenseLimit = await deps.rateLimiter?.enforceLicenseLimit({ productId: key.productId, licenseKey: input.licenseKey });
    const rateLimit = keyLimits && licenseLimit ? tighter(keyLimits, licenseLimit) : undefined;
    const productId = key.productId;
    const license = await deps.store.findLicense(productId, input.licenseKey);
    if (license === null) throw new GgError("LICENSE_NOT_FOUND", "No license with this key for this product");
    const session = await deps.store.findSession(license.id, input.sessionId);
    const hwid = session?.hwid ?? undefined;
    const blacklisted = await deps.store.blacklisted(productId, hwid, ipToHex(ip));
    const decision = decideAuthorization({ license, policy: license.policy, blacklisted, hwid, ip, session, liveSessions: 0, now });
    if (!decision.allow) {
      // A missing HWID under binding is the session's, not the caller's input: its machine is not known.
      const live = session !== null && !session.revoked && session.expiresAt > now;
      const denial: LicenseDenial =
        decision.code !== "VALIDATION_ERROR"
          ? { valid: false, code: decision.code, message: decision.message }
          : live
            ? { valid: false, code: "HWID_MISMATCH", message: "This session was opened without a machine id; authorize again with hwid" }
            : { valid: false, code: "SESSION_REVOKED", message: "This session was revoked or has expired; authorize again without sessionId" };
      return { productId, answer: denial, rateLimit };
    }
    return { productId, answer: await run(input, { key, license, now }), rateLimit };
  });
}
