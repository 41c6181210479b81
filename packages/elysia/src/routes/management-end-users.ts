import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import type { EndUserScope, GgContext } from "@geckoguard/core";
import { requireApiKey } from "../http/require-api-key.ts";
import { apiKeyOf, assertKeyMay } from "./operations/credential-reach.ts";
import { endUserOperations as op } from "./operations/end-user-operations.ts";
import { mountOperations, type ReachOf } from "./operations/mount-operations.ts";

const tags = ["Management"];
const Id = Type.String({ format: "uuid" });

/** The key's whole org. */
const orgReach: ReachOf<EndUserScope> = (context, need) => {
  const apiKey = apiKeyOf(context);
  assertKeyMay(apiKey, null, need);
  return { kind: "org", orgId: apiKey.orgId };
};

/** Only owners of the path's product's licenses (the key's own product). */
const productReach: ReachOf<EndUserScope> = (context, need) => {
  const apiKey = apiKeyOf(context);
  assertKeyMay(apiKey, context.params.productId!, need);
  return { kind: "product", orgId: apiKey.orgId, productId: context.params.productId! };
};

/**
 * End-user lookups with end_user:read: `/v1/end-users` searches the key's whole org,
 * `/v1/products/:productId/end-users` only owners of that product's licenses.
 */
export function managementEndUserRoutes(ctx: GgContext) {
  const app = new Elysia().use(requireApiKey(ctx));
  mountOperations(app, ctx, { tags, reach: orgReach }, [
    { method: "GET", path: "/v1/end-users", operation: op.list, summary: "End users across the key's org (end_user:read)" },
    { method: "GET", path: "/v1/end-users/:endUserId", operation: op.get, params: Type.Object({ endUserId: Id }), summary: "An end user of the key's org (end_user:read)" },
  ]);
  return mountOperations(app, ctx, { tags, reach: productReach }, [
    { method: "GET", path: "/v1/products/:productId/end-users", operation: op.list, params: Type.Object({ productId: Id }), summary: "End users owning this product's licenses (end_user:read)" },
    {
      method: "GET",
      path: "/v1/products/:productId/end-users/:endUserId",
      operation: op.get,
      params: Type.Object({ productId: Id, endUserId: Id }),
      summary: "An end user of this product (end_user:read)",
    },
  ]);
}
