import type { GgContext } from "../context.ts";
import type { WebhookEndpointRecord } from "../records/webhook.ts";
import { GgError } from "../errors/gg-error.ts";
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
