import type { GgContext } from "../context.ts";
import type { WebhookEndpointRecord } from "../ports/webhooks.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { productAccess } from "../products/product-access.ts";
import { webhookSettingsOf } from "./settings.ts";
import { endpointOfProduct } from "./manage-endpoints.ts";
import { newWebhookSecret } from "./signature.ts";

/** A new signing secret, shown in this answer only; the old one stops signing at once. */
export async function rotateWebhookSecret(
  ctx: GgContext,
  userId: string,
  productId: string,
  endpointId: string,
): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
  await productAccess(ctx, userId, productId, "manageWebhooks");
  const endpoint = await endpointOfProduct(ctx, productId, endpointId);
  const secret = newWebhookSecret();
  const secretSealed = webhookSettingsOf(ctx).secrets.seal(secret, endpoint.id);
  const now = ctx.clock.now();
  if (!(await ctx.store.webhookEndpoints.update(productId, endpointId, { secretSealed }, now))) throw new GgError("NOT_FOUND", "Webhook endpoint not found");
  return { endpoint: { ...endpoint, secretSealed, updatedAt: now }, secret };
}

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
