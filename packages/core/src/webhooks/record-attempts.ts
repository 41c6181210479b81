import type { Store } from "../ports/store.ts";
import type { ClaimedDelivery } from "../ports/webhooks.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { toIso } from "../clock.ts";
import { deliveryResultAfter, failingTooLong, type AttemptReport } from "./delivery-outcome.ts";
import type { RecordedAttempt } from "./delivery-report.ts";

export interface AttemptPolicy {
  backoffBaseMs: number;
  random(): number;
}

/** An attempt that has been made, waiting to be written. */
export interface FinishedAttempt {
  claimed: ClaimedDelivery;
  report: AttemptReport;
  at: number;
}

/**
 * Writes finished attempts in one transaction (one commit for many deliveries): per
 * attempt, the delivery's next state (only while this worker's lease still holds it; an
 * attempt whose lease was lost is dropped) and its log row; then the endpoints' failure
 * runs. An endpoint whose run reaches three days is switched off, with a
 * `webhook_endpoint.disabled` event in the same transaction. Returns the attempts that
 * were written, with their deliveries' next states, and those endpoints.
 */
export async function recordAttempts(
  store: Store,
  finished: FinishedAttempt[],
  policy: AttemptPolicy,
): Promise<{ recorded: RecordedAttempt[]; disabled: ClaimedDelivery["endpoint"][] }> {
  return store.transaction(async (tx) => {
    const kept: FinishedAttempt[] = [];
    const recorded: RecordedAttempt[] = [];
    for (const item of finished) {
      const result = deliveryResultAfter(item.claimed, item.report, item.at, policy.backoffBaseMs, policy.random());
      if (!(await tx.webhookDeliveries.finish(item.claimed.id, item.claimed.leaseToken, result, item.at))) continue;
      kept.push(item);
      recorded.push({ claimed: item.claimed, report: item.report, result });
    }
    await tx.webhookDeliveries.insertAttempts(
      kept.map(({ claimed, report, at }) => ({ id: uuidv7(at), deliveryId: claimed.id, endpointId: claimed.endpoint.id, attempt: claimed.attempt, ...report, createdAt: at })),
    );
    const succeeded = new Set(kept.filter((k) => k.report.outcome === "success").map((k) => k.claimed.endpoint.id));
    await tx.webhookEndpoints.noteSuccess([...succeeded]);
    // One failure note per endpoint; a shutdown abort is our doing, not the receiver's.
    const failed = new Map<string, FinishedAttempt>();
    for (const item of kept) {
      const { outcome } = item.report;
      if (outcome !== "success" && outcome !== "shutdown" && !succeeded.has(item.claimed.endpoint.id)) failed.set(item.claimed.endpoint.id, item);
    }
    const disabled: ClaimedDelivery["endpoint"][] = [];
    for (const { claimed, at } of failed.values()) {
      const failingSince = await tx.webhookEndpoints.noteFailure(claimed.endpoint.id, at);
      if (!failingTooLong(failingSince, at)) continue;
      const { id, productId, url } = claimed.endpoint;
      const reason = `Every delivery attempt failed since ${toIso(failingSince)}`;
      await tx.webhookEndpoints.update(productId, id, { enabled: false, disabledReason: reason }, at);
      await tx.events.record(productId, "webhook_endpoint.disabled", { endpoint: { id, url, failingSince: toIso(failingSince) }, reason }, at);
      disabled.push(claimed.endpoint);
    }
    return { recorded, disabled };
  });
}
