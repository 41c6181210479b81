import type { GgContext } from "../context.ts";
import type { ApiKeyRecord } from "../records/api-key.ts";
import { pageRequest, paginationOf, type Pagination } from "../pagination/pagination.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { productAccess } from "../products/product-access.ts";
import { assertProductCaller, type Caller } from "../products/caller-access.ts";
import { apiKeyAccess } from "./api-key-access.ts";
import { newApiKey } from "./key-format.ts";
import { DEFAULT_SCOPES, SCOPES, type Scope } from "./scopes.ts";
import { recordApiKeyEvent } from "../webhooks/record-event.ts";
import type { ActingContext } from "../audit/actor.ts";
import type { AuditChanges } from "../audit/audit-entry.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { changedFields } from "../audit/changed-fields.ts";
import type { Store } from "../ports/store.ts";

/** A key and its plaintext, which exists only in this value (create and rotate answers). */
export interface IssuedApiKey {
  apiKey: ApiKeyRecord;
  key: string;
}

/** Omitted → the default scopes; repeats folded; catalogue order, so equal sets look equal. */
export function normalizePermissions(permissions: readonly Scope[] | undefined): Scope[] {
  if (permissions === undefined) return [...DEFAULT_SCOPES];
  return SCOPES.filter((scope) => permissions.includes(scope));
}

/** An entry about a key: name, permissions and times only, never its secret, hash or prefix. */
function auditKey(tx: Store, ctx: ActingContext, action: string, apiKey: ApiKeyRecord, orgId: string, changes: AuditChanges | null, now: number) {
  return recordAudit(tx, ctx.origin, { action, resource: { type: "api_key", id: apiKey.id }, orgId, productId: apiKey.productId, changes }, now);
}

function notFound(): GgError {
  return new GgError("NOT_FOUND", "API key not found");
}

export async function createApiKey(
  ctx: ActingContext,
  userId: string,
  input: { productId: string; name: string; permissions?: Scope[] },
): Promise<IssuedApiKey> {
  const { product } = await productAccess(ctx, userId, input.productId, "manageApiKeys");
  const now = ctx.clock.now();
  const { key, prefix, secretHash } = newApiKey();
  const apiKey: ApiKeyRecord = {
    id: uuidv7(now),
    productId: input.productId,
    name: input.name.trim(),
    prefix,
    secretHash,
    permissions: normalizePermissions(input.permissions),
    lastUsedAt: null,
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.apiKeys.insert(apiKey);
    await recordApiKeyEvent(tx, "api_key.created", apiKey, now);
    await auditKey(tx, ctx, "api_key.created", apiKey, product.orgId, { name: [null, apiKey.name], permissions: [null, apiKey.permissions] }, now);
  });
  return { apiKey, key };
}

/**
 * A product's keys, metadata only. Dashboard: org admins. API key: any live key of the
 * same product, no scope needed (the reference lists it beside /v1/whoami as introspection).
 */
export async function listApiKeys(
  ctx: GgContext,
  caller: Caller,
  productId: string,
  query: { page?: number; pageSize?: number },
): Promise<{ items: ApiKeyRecord[]; pagination: Pagination }> {
  await assertProductCaller(ctx, caller, productId, { action: "manageApiKeys", scope: "api_key:read" });
  const page = pageRequest(query);
  const { items, total } = await ctx.store.apiKeys.listByProduct(productId, page);
  return { items, pagination: paginationOf(page, total) };
}

export async function updateApiKey(
  ctx: ActingContext,
  userId: string,
  id: string,
  input: { name?: string; permissions?: Scope[] },
): Promise<ApiKeyRecord> {
  const { apiKey: current, orgId } = await apiKeyAccess(ctx, userId, id, "manageApiKeys");
  const now = ctx.clock.now();
  const patch = {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.permissions !== undefined ? { permissions: normalizePermissions(input.permissions) } : {}),
  };
  const updated = { ...current, ...patch, updatedAt: now };
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.apiKeys.update(current.productId, id, patch, now))) throw notFound();
    const changes = changedFields(current, updated, ["name", "permissions"]);
    if (changes !== null) await auditKey(tx, ctx, "api_key.updated", current, orgId, changes, now);
  });
  return updated;
}

/** New secret (and prefix); the old key fails from the moment the write commits. */
export async function rotateApiKey(ctx: ActingContext, userId: string, id: string): Promise<IssuedApiKey> {
  const { apiKey: current, orgId } = await apiKeyAccess(ctx, userId, id, "manageApiKeys");
  if (current.revokedAt !== null) throw new GgError("CONFLICT", "A revoked API key cannot be rotated; create a new one");
  const now = ctx.clock.now();
  const { key, prefix, secretHash } = newApiKey();
  const rotated = { ...current, prefix, secretHash, updatedAt: now };
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.apiKeys.rotate(current.productId, id, prefix, secretHash, now))) {
      // Lost a race with a revoke or a delete: neither may be undone by handing out a live secret.
      throw new GgError("CONFLICT", "The API key was revoked or deleted meanwhile");
    }
    await recordApiKeyEvent(tx, "api_key.rotated", rotated, now);
    // The action alone: the new secret, its hash and its prefix stay out of the log.
    await auditKey(tx, ctx, "api_key.rotated", current, orgId, null, now);
  });
  return { apiKey: rotated, key };
}

/** Revoked keys stay listed with revokedAt and never authenticate again; revoking twice is a no-op. */
export async function revokeApiKey(ctx: ActingContext, userId: string, id: string): Promise<ApiKeyRecord> {
  const { apiKey: current, orgId } = await apiKeyAccess(ctx, userId, id, "manageApiKeys");
  if (current.revokedAt !== null) return current;
  const now = ctx.clock.now();
  const revoked = { ...current, revokedAt: now, updatedAt: now };
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.apiKeys.revoke(current.productId, id, now))) throw notFound();
    await recordApiKeyEvent(tx, "api_key.revoked", revoked, now);
    await auditKey(tx, ctx, "api_key.revoked", current, orgId, { revokedAt: [null, new Date(now).toISOString()] }, now);
  });
  return revoked;
}

export async function deleteApiKey(ctx: ActingContext, userId: string, id: string): Promise<void> {
  const { apiKey: current, orgId } = await apiKeyAccess(ctx, userId, id, "manageApiKeys");
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.apiKeys.delete(current.productId, id))) throw notFound();
    await auditKey(tx, ctx, "api_key.deleted", current, orgId, { name: [current.name, null], permissions: [current.permissions, null] }, ctx.clock.now());
  });
}
