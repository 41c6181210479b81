import { GgError } from "../errors/gg-error.ts";
import type { RateLimitDecision } from "../ratelimit/gcra.ts";
import { tighter } from "../ratelimit/tighter.ts";
import { parseReleaseBody } from "./parse-body.ts";
import type { LicenseDenial } from "./authorize-license.ts";
import { signedLicenseCall, type AuthorizeDeps, type AuthorizeRequest } from "./signed-call.ts";

export type ReleaseAnswer = { released: true } | LicenseDenial;

/**
 * POST /v1/licenses/release (docs/authorize.md#releasing-a-session): the same checks as
 * authorize up to the license lookup, then ends the named session of that license so
 * its slot is free at once. Ending is allowed whatever the license's state (a revoked or
 * expired license may still give its slot back); a session that already ended answers
 * the same (the call is idempotent); a session id that is not one of this license's
 * answers SESSION_REVOKED, as an authorize heartbeat with it would, and changes nothing.
 */
export async function releaseLicenseSession(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
): Promise<{ productId: string; answer: ReleaseAnswer; rateLimit?: RateLimitDecision }> {
  const now = deps.clock.now();
  return signedLicenseCall(deps, request, now, async ({ key, rawBody, keyLimits }) => {
    const input = parseReleaseBody(rawBody);
    const licenseLimit = await deps.rateLimiter?.enforceLicenseLimit({ productId: key.productId, licenseKey: input.licenseKey });
    const rateLimit = keyLimits && licenseLimit ? tighter(keyLimits, licenseLimit) : undefined;
    const productId = key.productId;
    const license = await deps.store.findLicense(productId, input.licenseKey);
    if (license === null) throw new GgError("LICENSE_NOT_FOUND", "No license with this key for this product");
    const session = await deps.store.findSession(license.id, input.sessionId);
    if (session === null) {
      return { productId, rateLimit, answer: { valid: false, code: "SESSION_REVOKED", message: "This license has no session with this id; nothing was released" } };
    }
    // An ended session (revoked, expired) holds no slot: nothing to write.
    if (!session.revoked && session.expiresAt > now) await deps.store.releaseSession(license, input.sessionId, now);
    return { productId, rateLimit, answer: { released: true } };
  });
}
