import type { GgContext } from "../context.ts";
import type { DeliveryStatus, WebhookDeliveryView } from "../ports/webhooks.ts";
import type { WebhookAttemptRecord } from "../records/webhook.ts";
import { GgError } from "../errors/gg-error.ts";
import { productAccess } from "../products/product-access.ts";
import { offsetOf, pageRequest, paginationOf, type Pagination } from "../pagination/pagination.ts";
import { endpointOfProduct } from "./manage-endpoints.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";

type Page = { page?: number; pageSize?: number };

/** Deliveries to one endpoint, newest first (?status= filters). */
export async function listWebhookDeliveries(
  ctx: GgContext,
  userId: string,
  productId: string,
  endpointId: string,
  query: Page & { status?: DeliveryStatus },
): Promise<{ items: WebhookDeliveryView[]; pagination: Pagination }> {
  await productAccess(ctx, userId, productId, "read");
  await endpointOfProduct(ctx, productId, endpointId);
  const request = pageRequest(query);
  const filter = query.status === undefined ? {} : { status: query.status };
  const { items, total } = await ctx.store.webhookDeliveries.list(productId, endpointId, filter, { offset: offsetOf(request), limit: request.pageSize });
  return { items, pagination: paginationOf(request, total) };
}

/** The attempt log of one endpoint (or of one of its deliveries), newest first. */
export async function listWebhookAttempts(
  ctx: GgContext,
  userId: string,
  productId: string,
  endpointId: string,
  query: Page & { deliveryId?: string },
): Promise<{ items: (WebhookAttemptRecord & { eventId: string; eventType: string })[]; pagination: Pagination }> {
  await productAccess(ctx, userId, productId, "read");
  await endpointOfProduct(ctx, productId, endpointId);
  const request = pageRequest(query);
  const filter = query.deliveryId === undefined ? {} : { deliveryId: query.deliveryId };
  const { items, total } = await ctx.store.webhookDeliveries.listAttempts(productId, endpointId, filter, { offset: offsetOf(request), limit: request.pageSize });
  return { items, pagination: paginationOf(request, total) };
}

/** A failed delivery gets one more attempt, due now. Not failed (pending or delivered) → 409. */
export async function redeliverWebhook(ctx: ActingContext, userId: string, productId: string, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView> {
  const { product } = await productAccess(ctx, userId, productId, "manageWebhooks");
  const endpoint = await endpointOfProduct(ctx, productId, endpointId);
  const delivery = await ctx.store.webhookDeliveries.find(productId, endpointId, deliveryId);
  if (delivery === null) throw new GgError("NOT_FOUND", "Delivery not found");
  if (!endpoint.enabled) throw new GgError("CONFLICT", "This endpoint is disabled; enable it before redelivering");
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.webhookDeliveries.requeue(productId, endpointId, deliveryId, now))) {
      throw new GgError("CONFLICT", `Only a failed delivery can be redelivered; this one is ${delivery.status}`);
    }
    const change = { action: "webhook_delivery.redelivered", resource: { type: "webhook_delivery", id: deliveryId }, orgId: product.orgId, productId };
    await recordAudit(tx, ctx.origin, { ...change, changes: { status: [delivery.status, "pending"], attemptLimit: [delivery.attemptLimit, delivery.attempts + 1] } }, now);
  });
  return { ...delivery, status: "pending", attemptLimit: delivery.attempts + 1, nextAttemptAt: now, updatedAt: now };
}
