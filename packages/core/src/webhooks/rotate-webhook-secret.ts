import type { GgContext } from "../context.ts";
import type { WebhookEndpointRecord } from "../records/webhook.ts";
import { GgError } from "../errors/gg-error.ts";
import { productAccess } from "../products/product-access.ts";
import { webhookSettingsOf } from "./settings.ts";
import { endpointOfProduct } from "./manage-endpoints.ts";
import { newWebhookSecret } from "./signature.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordEndpointAudit } from "./endpoint-audit.ts";

/** A new signing secret, shown in this answer only; the old one stops signing at once. */
export async function rotateWebhookSecret(
  ctx: ActingContext,
  userId: string,
  productId: string,
  endpointId: string,
): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
  const { product } = await productAccess(ctx, userId, productId, "manageWebhooks");
  const endpoint = await endpointOfProduct(ctx, productId, endpointId);
  const secret = newWebhookSecret();
  const secretSealed = webhookSettingsOf(ctx).secrets.seal(secret, endpoint.id);
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.webhookEndpoints.update(productId, endpointId, { secretSealed }, now))) throw new GgError("NOT_FOUND", "Webhook endpoint not found");
    // The action alone: neither secret, sealed or plain, goes into the log.
    await recordEndpointAudit(tx, ctx, "webhook_endpoint.secret_rotated", endpoint, product.orgId, null, now);
  });
  return { endpoint: { ...endpoint, secretSealed, updatedAt: now }, secret };
}
