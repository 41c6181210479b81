import Stripe from "stripe";
import { GgError, type StripeEvent, type StripeEventVerifier } from "@geckoguard/core";

/** Stripe's own default: a signature older than five minutes is refused (replays). */
const TOLERANCE_SECONDS = 300;

/**
 * Stripe's signature scheme checked by the official `stripe` package
 * (`webhooks.constructEventAsync`: header parsing, HMAC-SHA256 over `t.rawBody`,
 * constant-time comparison, the timestamp tolerance). Only the static `Stripe.webhooks`
 * helper is used: no API client is built, so nothing here ever calls Stripe's API. The
 * async variant because Bun loads the package's Web build, whose crypto (SubtleCrypto) is
 * async only.
 */
export function stripeEventVerifier(): StripeEventVerifier {
  return {
    async verify(rawBody, signatureHeader, secret, receivedAtMs) {
      let event: { id?: unknown; type?: unknown; created?: unknown; data?: unknown };
      try {
        event = await Stripe.webhooks.constructEventAsync(rawBody, signatureHeader, secret, TOLERANCE_SECONDS, undefined, receivedAtMs);
      } catch {
        throw new GgError("VALIDATION_ERROR", "The Stripe-Signature header does not verify for this body (wrong secret, altered body or older than 5 minutes)");
      }
      const data = event.data as { object?: unknown } | undefined;
      if (typeof event.id !== "string" || typeof event.type !== "string" || typeof event.created !== "number" || data?.object === undefined) {
        throw new GgError("VALIDATION_ERROR", "The body is not a Stripe event");
      }
      return { id: event.id, type: event.type, created: event.created, data: { object: data.object } } satisfies StripeEvent;
    },
  };
}
