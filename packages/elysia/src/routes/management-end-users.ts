import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import { ListEndUsersQuery, assertKeyCan, assertScope, getEndUser, listEndUsers, presentEndUser, type EndUserScope, type GgContext } from "@geckoguard/core";
import { ok } from "../http/envelope.ts";
import { requireApiKey } from "../http/require-api-key.ts";

const tags = ["Management"];
const Id = Type.String({ format: "uuid" });

/**
 * End-user lookups with end_user:read: `/v1/end-users` searches the key's whole org,
 * `/v1/products/:productId/end-users` only owners of that product's licenses.
 */
export function managementEndUserRoutes(ctx: GgContext) {
  return new Elysia()
    .use(requireApiKey(ctx))
    .get(
      "/v1/end-users",
      async ({ apiKey, query }) => {
        assertScope(apiKey, "end_user:read");
        const { items, pagination } = await listEndUsers(ctx, { kind: "org", orgId: apiKey.orgId }, query);
        return ok({ endUsers: items.map(presentEndUser), pagination });
      },
      { query: ListEndUsersQuery, detail: { summary: "End users across the key's org (end_user:read)", tags } },
    )
    .get(
      "/v1/end-users/:endUserId",
      async ({ apiKey, params }) => {
        assertScope(apiKey, "end_user:read");
        return ok({ endUser: presentEndUser(await getEndUser(ctx, { kind: "org", orgId: apiKey.orgId }, params.endUserId)) });
      },
      { params: Type.Object({ endUserId: Id }), detail: { summary: "An end user of the key's org (end_user:read)", tags } },
    )
    .get(
      "/v1/products/:productId/end-users",
      async ({ apiKey, params, query }) => {
        assertKeyCan(apiKey, params.productId, "end_user:read");
        const scope: EndUserScope = { kind: "product", orgId: apiKey.orgId, productId: params.productId };
        const { items, pagination } = await listEndUsers(ctx, scope, query);
        return ok({ endUsers: items.map(presentEndUser), pagination });
      },
      { params: Type.Object({ productId: Id }), query: ListEndUsersQuery, detail: { summary: "End users owning this product's licenses (end_user:read)", tags } },
    )
    .get(
      "/v1/products/:productId/end-users/:endUserId",
      async ({ apiKey, params }) => {
        assertKeyCan(apiKey, params.productId, "end_user:read");
        const scope: EndUserScope = { kind: "product", orgId: apiKey.orgId, productId: params.productId };
        return ok({ endUser: presentEndUser(await getEndUser(ctx, scope, params.endUserId)) });
      },
      { params: Type.Object({ productId: Id, endUserId: Id }), detail: { summary: "An end user of this product (end_user:read)", tags } },
    );
}
