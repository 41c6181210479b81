import type { Store } from "../ports/store.ts";
import type { ClaimedDelivery } from "../ports/webhooks.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { toIso } from "../clock.ts";
import { deliveryResultAfter, failingTooLong, type AttemptReport } from "./delivery-outcome.ts";

export interface AttemptPolicy {
  backoffBaseMs: number;
  random(): number;
}

/**
 * Writes one attempt's outcome in one transaction: the attempt log row, the delivery's
 * next state (only while this worker's lease holds it), the endpoint's failure run, and,
 * when that run reaches three days, the endpoint switched off with a
 * `webhook_endpoint.disabled` event in the same transaction. Returns whether the
 * endpoint was disabled; false also when the lease was lost (nothing written).
 */
export async function recordAttempt(store: Store, claimed: ClaimedDelivery, report: AttemptReport, policy: AttemptPolicy, now: number): Promise<{ disabled: boolean }> {
  return store.transaction(async (tx) => {
    const result = deliveryResultAfter(claimed, report, now, policy.backoffBaseMs, policy.random());
    if (!(await tx.webhookDeliveries.finish(claimed.id, claimed.leaseToken, result, now))) return { disabled: false };
    await tx.webhookDeliveries.insertAttempt({ id: uuidv7(now), deliveryId: claimed.id, endpointId: claimed.endpoint.id, attempt: claimed.attempt, ...report, createdAt: now });
    if (report.outcome === "success") {
      await tx.webhookEndpoints.noteSuccess(claimed.endpoint.id);
      return { disabled: false };
    }
    if (report.outcome === "shutdown") return { disabled: false }; // our doing, not the receiver's
    const failingSince = await tx.webhookEndpoints.noteFailure(claimed.endpoint.id, now);
    if (!failingTooLong(failingSince, now)) return { disabled: false };
    const { id, productId, url } = claimed.endpoint;
    const reason = `Every delivery attempt failed since ${toIso(failingSince)}`;
    await tx.webhookEndpoints.update(productId, id, { enabled: false, disabledReason: reason }, now);
    await tx.events.record(productId, "webhook_endpoint.disabled", { endpoint: { id, url, failingSince: toIso(failingSince) }, reason }, now);
    return { disabled: true };
  });
}
