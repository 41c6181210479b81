import { Elysia } from "elysia";
import {
  ProductApiKeysQuery,
  apiKeyCaller,
  listApiKeys,
  presentApiKey,
  presentWhoami,
  type GgContext,
} from "@geckoguard/core";
import { ProductApiKeysParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { requireApiKey } from "../http/require-api-key.ts";

const tags = ["Token Introspection"];

/** API-key introspection: who am I (any key), and my product's keys (metadata only, `api_key:read`). */
export function managementApiKeyRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1" })
    .use(requireApiKey(ctx))
    .get("/whoami", ({ apiKey }) => ok(presentWhoami(apiKey)), {
      detail: { summary: "The presented API key: id, product, org and permissions", tags },
    })
    .get(
      "/products/:productId/api-keys",
      async ({ apiKey, params, query }) => {
        const { items, pagination } = await listApiKeys(ctx, apiKeyCaller(apiKey), params.productId, query);
        return ok({ apiKeys: items.map(presentApiKey), pagination });
      },
      {
        params: ProductApiKeysParams,
        query: ProductApiKeysQuery,
        detail: { summary: "API keys of the key's own product (metadata only; api_key:read)", tags },
      },
    );
}
