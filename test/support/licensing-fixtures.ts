import { expect } from "bun:test";
import { newApiKey, uuidv7, type GgContext, type Scope } from "@geckoguard/core";
import type { Api } from "./http-client.ts";
import { orgWithProduct, signUp } from "./accounts.ts";

/** An owner with an org, a product and `count` licenses in it. */
export async function tenantWithLicenses(api: Api, count = 3) {
  const owner = await signUp(api);
  const { orgId, productId } = await orgWithProduct(api, owner.token);
  const created = await api("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { productId, count } });
  expect(created.status).toBe(201);
  return { owner, orgId, productId, licenses: created.body.data.licenses as { id: string; key: string }[] };
}

/** An API key for the product with exactly these scopes, written through the store port. */
export async function apiKeyFor(context: GgContext, productId: string, permissions: Scope[]): Promise<string> {
  const { key, prefix, secretHash } = newApiKey();
  const now = Date.now();
  await context.store.apiKeys.insert({
    id: uuidv7(now),
    productId,
    name: "test",
    prefix,
    secretHash,
    permissions,
    lastUsedAt: null,
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
  });
  return key;
}
