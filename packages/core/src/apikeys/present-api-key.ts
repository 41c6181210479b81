import { toIso, toIsoOrNull } from "../clock.ts";
import type { ApiKeyRecord } from "../records/api-key.ts";
import type { ApiKeyPrincipal } from "./principal.ts";

/** Key metadata as every route shows it: never the hash, never the secret. */
export function presentApiKey(key: ApiKeyRecord) {
  return {
    id: key.id,
    name: key.name,
    productId: key.productId,
    permissions: key.permissions,
    prefix: key.prefix,
    createdAt: toIso(key.createdAt),
    updatedAt: toIso(key.updatedAt),
    lastUsedAt: toIsoOrNull(key.lastUsedAt),
    revokedAt: toIsoOrNull(key.revokedAt),
  };
}

/** `GET /v1/whoami`: what the presented key is and may do. */
export function presentWhoami(principal: ApiKeyPrincipal) {
  return {
    apiKeyId: principal.id,
    productId: principal.productId,
    orgId: principal.orgId,
    permissions: principal.permissions,
  };
}
