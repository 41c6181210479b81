import type { GgContext } from "../context.ts";
import type { WebhookEndpointPatch } from "../ports/webhooks.ts";
import type { WebhookEndpointRecord } from "../records/webhook.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { productAccess } from "../products/product-access.ts";
import { MAX_ENDPOINTS_PER_PRODUCT, webhookSettingsOf } from "./settings.ts";
import { assertEndpointUrl } from "./url-policy.ts";
import { normalizeEventList } from "./event-subscription.ts";
import { newWebhookSecret } from "./signature.ts";
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from "./schemas.ts";
import type { ActingContext } from "../audit/actor.ts";
import { changedFields, createdFields } from "../audit/changed-fields.ts";
import { ENDPOINT_AUDIT_FIELDS, recordEndpointAudit } from "./endpoint-audit.ts";

/**
 * Endpoint management: admins (manageWebhooks) create, change and delete; anyone who
 * can read the product lists and reads. Another org's product is 403, an endpoint that
 * is not the product's is 404.
 */

/** The endpoint, in the product the caller may act on. */
export async function endpointOfProduct(ctx: GgContext, productId: string, endpointId: string): Promise<WebhookEndpointRecord> {
  const endpoint = await ctx.store.webhookEndpoints.find(productId, endpointId);
  if (endpoint === null) throw new GgError("NOT_FOUND", "Webhook endpoint not found");
  return endpoint;
}

/** Creates an endpoint; the plaintext secret is in this answer only. */
export async function createWebhookEndpoint(
  ctx: ActingContext,
  userId: string,
  productId: string,
  input: CreateWebhookEndpointInput,
): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
  const { product } = await productAccess(ctx, userId, productId, "manageWebhooks");
  const settings = webhookSettingsOf(ctx);
  const events = normalizeEventList(input.events);
  const url = await assertEndpointUrl(input.url, settings.urlPolicy);
  const now = ctx.clock.now();
  const id = uuidv7(now);
  const secret = newWebhookSecret();
  const endpoint: WebhookEndpointRecord = {
    id,
    productId,
    url,
    description: input.description ?? null,
    events,
    enabled: input.enabled ?? true,
    secretSealed: settings.secrets.seal(secret, id),
    failingSince: null,
    disabledReason: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.webhookEndpoints.insertBelowLimit(endpoint, MAX_ENDPOINTS_PER_PRODUCT))) {
      throw new GgError("VALIDATION_ERROR", `A product has at most ${MAX_ENDPOINTS_PER_PRODUCT} webhook endpoints`, {
        details: [{ path: "/", message: `Limit of ${MAX_ENDPOINTS_PER_PRODUCT} endpoints per product reached` }],
      });
    }
    const changes = createdFields(endpoint, ENDPOINT_AUDIT_FIELDS.filter((field) => field !== "disabledReason"));
    await recordEndpointAudit(tx, ctx, "webhook_endpoint.created", endpoint, product.orgId, changes, now);
  });
  return { endpoint, secret };
}

export async function listWebhookEndpoints(ctx: GgContext, userId: string, productId: string): Promise<WebhookEndpointRecord[]> {
  await productAccess(ctx, userId, productId, "read");
  return ctx.store.webhookEndpoints.listByProduct(productId);
}

export async function getWebhookEndpoint(ctx: GgContext, userId: string, productId: string, endpointId: string): Promise<WebhookEndpointRecord> {
  await productAccess(ctx, userId, productId, "read");
  return endpointOfProduct(ctx, productId, endpointId);
}

/** Changes URL, events, description or enabled. Enabling clears the failure run and the reason it was switched off. */
export async function updateWebhookEndpoint(
  ctx: ActingContext,
  userId: string,
  productId: string,
  endpointId: string,
  input: UpdateWebhookEndpointInput,
): Promise<WebhookEndpointRecord> {
  const { product } = await productAccess(ctx, userId, productId, "manageWebhooks");
  const current = await endpointOfProduct(ctx, productId, endpointId);
  const patch: WebhookEndpointPatch = {};
  if (input.events !== undefined) patch.events = normalizeEventList(input.events);
  if (input.url !== undefined) patch.url = await assertEndpointUrl(input.url, webhookSettingsOf(ctx).urlPolicy);
  if (input.description !== undefined) patch.description = input.description;
  if (input.enabled !== undefined) {
    patch.enabled = input.enabled;
    patch.disabledReason = null;
    if (input.enabled) patch.failingSince = null;
  }
  const now = ctx.clock.now();
  const updated = { ...current, ...patch, updatedAt: now };
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.webhookEndpoints.update(productId, endpointId, patch, now))) throw new GgError("NOT_FOUND", "Webhook endpoint not found");
    const changes = changedFields(current, updated, ENDPOINT_AUDIT_FIELDS);
    if (changes !== null) await recordEndpointAudit(tx, ctx, "webhook_endpoint.updated", current, product.orgId, changes, now);
  });
  return updated;
}

/** Deletes the endpoint with its deliveries and attempt log. */
export async function deleteWebhookEndpoint(ctx: ActingContext, userId: string, productId: string, endpointId: string): Promise<void> {
  const { product } = await productAccess(ctx, userId, productId, "manageWebhooks");
  await ctx.store.transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoints.find(productId, endpointId);
    if (endpoint === null || !(await tx.webhookEndpoints.delete(productId, endpointId))) throw new GgError("NOT_FOUND", "Webhook endpoint not found");
    const changes = Object.fromEntries(ENDPOINT_AUDIT_FIELDS.map((field) => [field, [endpoint[field], null]])) as Record<string, [unknown, unknown]>;
    await recordEndpointAudit(tx, ctx, "webhook_endpoint.deleted", endpoint, product.orgId, changes, ctx.clock.now());
  });
}
