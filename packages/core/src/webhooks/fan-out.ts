import type { Store } from "../ports/store.ts";
import type { NewWebhookDelivery, OutboxEvent } from "../ports/webhooks.ts";
import type { WebhookEndpointRecord } from "../records/webhook.ts";
import { renderEventData } from "./deferred-payloads.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { subscribesTo } from "./event-catalogue.ts";

/**
 * About this many events are taken from the outbox per transaction: with 10 endpoints,
 * ~1000 delivery rows, a few milliseconds of the event loop; the worker yields between
 * transactions so requests are served in between.
 */
export const FAN_OUT_EVENTS = 100;

/** Whether this enabled endpoint gets a delivery of this event. */
export function receives(endpoint: WebhookEndpointRecord & { orgId: string }, event: OutboxEvent): boolean {
  if (event.endpointId !== null) return endpoint.id === event.endpointId;
  const inScope = event.productId !== null ? endpoint.productId === event.productId : endpoint.orgId === event.orgId;
  return inScope && subscribesTo(endpoint.events, event.type);
}

/**
 * Moves events from the outbox to deliveries: one row per (event, enabled subscribed
 * endpoint), due now. The worker does this, not the request that recorded the events,
 * so a bulk change with ten endpoints costs its request one compressed outbox row, not
 * 5000 delivery rows. Taking and inserting share one transaction: a crash leaves the
 * events in the outbox, and of several processes one fans out each batch. Returns how
 * many events were taken.
 */
export async function fanOutEvents(store: Store, now: number, maxEvents: number = FAN_OUT_EVENTS): Promise<number> {
  return store.transaction(async (tx) => {
    const events = await tx.events.takeForFanOut(maxEvents);
    if (events.length === 0) return 0;
    await tx.events.logEvents(
      events.map(({ id, productId, orgId, type, data, createdAt }) => ({ id, productId, orgId, type, data: JSON.stringify(renderEventData(data, createdAt)), createdAt })),
    );
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
