import type { Store } from "../ports/store.ts";
import type { NewWebhookDelivery, OutboxEvent, WebhookEndpointRecord } from "../ports/webhooks.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { subscribesTo } from "./event-catalogue.ts";

/** Events taken from the outbox per transaction. */
export const FAN_OUT_BATCH = 500;

/** Whether this enabled endpoint gets a delivery of this event. */
export function receives(endpoint: WebhookEndpointRecord & { orgId: string }, event: OutboxEvent): boolean {
  if (event.endpointId !== null) return endpoint.id === event.endpointId;
  const inScope = event.productId !== null ? endpoint.productId === event.productId : endpoint.orgId === event.orgId;
  return inScope && subscribesTo(endpoint.events, event.type);
}

/**
 * Moves up to a batch of events from the outbox to deliveries: one row per (event,
 * enabled subscribed endpoint), due now. The worker does this, not the request that
 * recorded the event, so a bulk change with many endpoints writes 1 row per event, not
 * 1 per event and endpoint. Claiming and inserting share one transaction: a crash
 * leaves the events in the outbox, and of several processes one fans out each event.
 * Returns how many events were taken.
 */
export async function fanOutEvents(store: Store, now: number, batch: number = FAN_OUT_BATCH): Promise<number> {
  return store.transaction(async (tx) => {
    const events = await tx.events.claimForFanOut(batch, now);
    if (events.length === 0) return 0;
    const pick = (key: "productId" | "orgId" | "endpointId") => [...new Set(events.flatMap((e) => (e[key] === null ? [] : [e[key]])))];
    const endpoints = await tx.webhookEndpoints.listForFanOut({ productIds: pick("productId"), orgIds: pick("orgId"), endpointIds: pick("endpointId") });
    const deliveries: NewWebhookDelivery[] = [];
    for (const event of events) {
      for (const endpoint of endpoints) {
        if (receives(endpoint, event)) deliveries.push({ id: uuidv7(now), eventId: event.id, endpointId: endpoint.id, nextAttemptAt: now, createdAt: now });
      }
    }
    await tx.webhookDeliveries.insertMany(deliveries);
    return events.length;
  });
}
