import type { GgContext } from "../context.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { productAccess } from "../products/product-access.ts";
import { endpointOfProduct } from "./manage-endpoints.ts";

/**
 * Queues a `webhook_endpoint.test` event for this endpoint only; it goes through the
 * same outbox, signing and retries as every other event. The answer names the event,
 * whose delivery then shows in the endpoint's delivery list.
 */
export async function sendWebhookTestEvent(ctx: GgContext, userId: string, productId: string, endpointId: string): Promise<{ eventId: string }> {
  await productAccess(ctx, userId, productId, "manageWebhooks");
  const endpoint = await endpointOfProduct(ctx, productId, endpointId);
  if (!endpoint.enabled) throw new GgError("CONFLICT", "This endpoint is disabled; enable it before sending a test event");
  const now = ctx.clock.now();
  const eventId = uuidv7(now);
  const data = { endpoint: { id: endpoint.id, url: endpoint.url }, message: "Test event from GeckoGuard" };
  await ctx.store.transaction((tx) => tx.events.recordMany([{ id: eventId, productId, endpointId, type: "webhook_endpoint.test", data }], now));
  return { eventId };
}
