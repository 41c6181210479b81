import type { GgContext } from "../context.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { GgError } from "../errors/gg-error.ts";
import { assertProductCaller, type Caller } from "../products/caller-access.ts";
import { webhookSettingsOf } from "../webhooks/settings.ts";
import { WRITE_PLANS } from "./billing-access.ts";

/** What the sealed secret is bound to: it cannot be moved to another product's row. */
export const stripeSecretBinding = (productId: string) => `stripe-webhook:${productId}`;

/**
 * PUT …/billing/stripe: the product's Stripe signing secret (`whsec_…`). It must be
 * readable to verify deliveries, so it is sealed like webhook endpoint secrets (the box
 * of webhooks/secret-box.ts) and never answered back.
 */
export async function setStripeWebhookSecret(ctx: ActingContext, caller: Caller, productId: string, webhookSecret: string): Promise<{ configured: true; webhookPath: string; updatedAt: number }> {
  await assertProductCaller(ctx, caller, productId, WRITE_PLANS);
  const sealed = webhookSettingsOf(ctx).secrets.seal(webhookSecret, stripeSecretBinding(productId));
  const now = ctx.clock.now();
  const product = await ctx.store.products.find(productId);
  if (product === null) throw new GgError("NOT_FOUND", "Product not found");
  await ctx.store.transaction(async (tx) => {
    await tx.billing.setStripeSecret(productId, sealed, now);
    // Never the secret itself: only that it was set.
    await recordAudit(tx, ctx.origin, { action: "billing.stripe_secret_set", resource: { type: "product", id: productId }, orgId: product.orgId, productId, changes: null }, now);
  });
  return { configured: true, webhookPath: `/v1/billing/stripe/${productId}/webhook`, updatedAt: now };
}

/** The product's Stripe secret in clear, for verifying one delivery; 404 when none is set. */
export async function stripeSecretOf(ctx: GgContext, productId: string): Promise<string> {
  const sealed = await ctx.store.billing.stripeSecret(productId);
  if (sealed === null) throw new GgError("NOT_FOUND", "Stripe is not set up for this product");
  const secret = webhookSettingsOf(ctx).secrets.open(sealed, stripeSecretBinding(productId));
  if (secret === null) throw new GgError("INTERNAL_ERROR", "The stored Stripe secret cannot be opened (was the server secret changed?)");
  return secret;
}
