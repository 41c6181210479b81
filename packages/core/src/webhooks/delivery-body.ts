import type { ClaimedDelivery } from "../ports/webhooks.ts";
import { toIso } from "../clock.ts";
import { signatureHeader } from "./signature.ts";

/**
 * `{id,type,createdAt,data}`: `data` is spliced in as the JSON text stored in the outbox,
 * so it is never parsed again. `id` is the event's (the same on every attempt and every
 * endpoint: receivers dedupe on it).
 */
export function deliveryBody(event: ClaimedDelivery["event"]): string {
  return `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"createdAt":"${toIso(event.createdAt)}","data":${event.data}}`;
}

/** The headers of one attempt, signed at `nowMs`. */
export function deliveryHeaders(claimed: ClaimedDelivery, secret: string, body: string, nowMs: number): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "GeckoGuard-Webhooks/1",
    "X-GeckoGuard-Signature-V2": signatureHeader(secret, Math.floor(nowMs / 1000), body),
    "X-GeckoGuard-Event": claimed.event.type,
    "X-GeckoGuard-Delivery": claimed.id,
  };
}
