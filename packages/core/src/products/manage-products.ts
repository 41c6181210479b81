import type { GgContext } from "../context.ts";
import type { ProductRecord } from "../records/product.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { getMe } from "../auth/me.ts";
import { orgAccess } from "../orgs/org-access.ts";
import { DEFAULT_POLICY, mergePolicy, type ProductPolicyPatch } from "./policy.ts";
import { generateSigningKeyPair } from "./signing-keys.ts";
import { productAccess } from "./product-access.ts";

/** Creates a product (default: in the caller's active org) with its own Ed25519 key pair. */
export async function createProduct(
  ctx: GgContext,
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
  await ctx.store.products.insert(product, keys.privateKeyPem);
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
  ctx: GgContext,
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
  await ctx.store.products.update(productId, { name: updated.name, policy: updated.policy }, now);
  return updated;
}

export async function deleteProduct(ctx: GgContext, userId: string, productId: string): Promise<void> {
  await productAccess(ctx, userId, productId, "manageProducts");
  await ctx.store.products.delete(productId);
}

/** Moves a product the caller administers into another org the caller administers. */
export async function moveProductToOrg(ctx: GgContext, userId: string, orgId: string, productId: string): Promise<ProductRecord> {
  await orgAccess(ctx, userId, orgId, "manageProducts");
  const { product } = await productAccess(ctx, userId, productId, "manageProducts");
  if (product.orgId === orgId) return product;
  const now = ctx.clock.now();
  await ctx.store.products.moveToOrg(productId, orgId, now);
  return { ...product, orgId, updatedAt: now };
}

/** DELETE /orgs/:orgId/products/:productId: deletes the product if it is in that org. */
export async function deleteOrgProduct(ctx: GgContext, userId: string, orgId: string, productId: string): Promise<void> {
  await orgAccess(ctx, userId, orgId, "manageProducts");
  const { product } = await productAccess(ctx, userId, productId, "manageProducts");
  if (product.orgId !== orgId) throw new GgError("NOT_FOUND", "Product not found in this organization");
  await ctx.store.products.delete(productId);
}
