import type { GgContext } from "../context.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudit, recordAudits } from "../audit/record-audit.ts";
import { changedFields, createdFields, mergeChanges } from "../audit/changed-fields.ts";
import type { ProductRecord } from "../records/product.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { getMe } from "../auth/me.ts";
import { orgAccess } from "../orgs/org-access.ts";
import { DEFAULT_POLICY, mergePolicy, type ProductPolicyPatch } from "./policy.ts";
import { generateSigningKeyPair } from "./signing-keys.ts";
import { productAccess } from "./product-access.ts";

const productResource = (product: ProductRecord) => ({ resource: { type: "product", id: product.id }, orgId: product.orgId, productId: product.id });
const POLICY_FIELDS = Object.keys(DEFAULT_POLICY).concat("rateLimits") as (keyof ProductRecord["policy"])[];

/** A product's name and each policy field (never its signing key). */
function productChanges(before: ProductRecord, after: ProductRecord) {
  return mergeChanges({ "": changedFields(before, after, ["name"]), policy: changedFields(before.policy, after.policy, POLICY_FIELDS) });
}

/** Creates a product (default: in the caller's active org) with its own Ed25519 key pair. */
export async function createProduct(
  ctx: ActingContext,
  userId: string,
  input: { orgId?: string; name: string; policy?: ProductPolicyPatch },
): Promise<ProductRecord> {
  const orgId = input.orgId ?? (await getMe(ctx, userId)).activeOrgId;
  if (orgId === null) throw new GgError("VALIDATION_ERROR", "Create an organization first, or pass orgId");
  await orgAccess(ctx, userId, orgId, "manageProducts");
  const now = ctx.clock.now();
  const keys = generateSigningKeyPair();
  const product: ProductRecord = {
    id: uuidv7(now),
    orgId,
    name: input.name.trim(),
    policy: mergePolicy(DEFAULT_POLICY, input.policy),
    publicKey: keys.publicKeyPem,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.products.insert(product, keys.privateKeyPem);
    const changes = { ...createdFields(product, ["name"]), ...mergeChanges({ policy: createdFields(product.policy, POLICY_FIELDS) }) };
    await recordAudit(tx, ctx.origin, { action: "product.created", ...productResource(product), changes }, now);
  });
  return product;
}

export async function getProduct(ctx: GgContext, userId: string, productId: string): Promise<ProductRecord> {
  return (await productAccess(ctx, userId, productId, "read")).product;
}

export async function listOrgProducts(ctx: GgContext, userId: string, orgId: string): Promise<ProductRecord[]> {
  await orgAccess(ctx, userId, orgId, "read");
  return ctx.store.products.listByOrg(orgId);
}

/** Renames and/or changes policy fields; unnamed policy fields keep their values. */
export async function updateProduct(
  ctx: ActingContext,
  userId: string,
  productId: string,
  input: { name?: string; policy?: ProductPolicyPatch },
): Promise<ProductRecord> {
  const { product } = await productAccess(ctx, userId, productId, "manageProducts");
  const now = ctx.clock.now();
  const updated: ProductRecord = {
    ...product,
    name: input.name?.trim() ?? product.name,
    policy: mergePolicy(product.policy, input.policy),
    updatedAt: now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.products.update(productId, { name: updated.name, policy: updated.policy }, now);
    const changes = productChanges(product, updated);
    if (changes !== null) await recordAudit(tx, ctx.origin, { action: "product.updated", ...productResource(product), changes }, now);
  });
  return updated;
}

export async function deleteProduct(ctx: ActingContext, userId: string, productId: string): Promise<void> {
  const { product } = await productAccess(ctx, userId, productId, "manageProducts");
  await removeProduct(ctx, product);
}

/** The product and everything in it go; its audit entries stay in the org's log. */
async function removeProduct(ctx: ActingContext, product: ProductRecord): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    await tx.products.delete(product.id);
    await recordAudit(tx, ctx.origin, { action: "product.deleted", ...productResource(product), changes: { name: [product.name, null] } }, ctx.clock.now());
  });
}

/** Moves a product the caller administers into another org the caller administers. */
export async function moveProductToOrg(ctx: ActingContext, userId: string, orgId: string, productId: string): Promise<ProductRecord> {
  await orgAccess(ctx, userId, orgId, "manageProducts");
  const { product } = await productAccess(ctx, userId, productId, "manageProducts");
  if (product.orgId === orgId) return product;
  const now = ctx.clock.now();
  const moved = { ...product, orgId, updatedAt: now };
  await ctx.store.transaction(async (tx) => {
    await tx.products.moveToOrg(productId, orgId, now);
    // Both orgs' logs say where it went: the one it left and the one it joined.
    const change = { action: "product.moved", resource: { type: "product", id: productId }, productId, changes: { orgId: [product.orgId, orgId] as [string, string] } };
    await recordAudits(tx, ctx.origin, [{ ...change, orgId: product.orgId }, { ...change, orgId }], now);
  });
  return moved;
}

/** DELETE /orgs/:orgId/products/:productId: deletes the product if it is in that org. */
export async function deleteOrgProduct(ctx: ActingContext, userId: string, orgId: string, productId: string): Promise<void> {
  await orgAccess(ctx, userId, orgId, "manageProducts");
  const { product } = await productAccess(ctx, userId, productId, "manageProducts");
  if (product.orgId !== orgId) throw new GgError("NOT_FOUND", "Product not found in this organization");
  await removeProduct(ctx, product);
}
