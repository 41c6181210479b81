import { Elysia } from "elysia";
import { ProductApiKeysQuery, WhoamiSchema, apiKeyCaller, presentWhoami, type GgContext } from "@geckoguard/core";
import { ProductApiKeysParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { requireApiKey } from "../http/require-api-key.ts";
import { apiKeyOf } from "./operations/credential-reach.ts";
import { apiKeyOperations, type ApiKeysReach } from "./operations/api-key-operations.ts";
import { mountOperations, type ReachOf } from "./operations/mount-operations.ts";
import { answers } from "../openapi/answer-doc.ts";

const tags = ["Token Introspection"];

/** The path names the product; the use case checks it is the key's own and the scope. */
const keyReach: ReachOf<ApiKeysReach> = (context) => ({ caller: apiKeyCaller(apiKeyOf(context)), productId: context.params.productId! });

/** API-key introspection: who am I (any key), and my product's keys (metadata only, `api_key:read`). */
export function managementApiKeyRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1" })
    .use(requireApiKey(ctx))
    .get("/whoami", ({ apiKey }) => ok(presentWhoami(apiKey)), {
      detail: { summary: "The presented API key: id, product, org and permissions", ...answers(WhoamiSchema), tags },
    });
  return mountOperations(app, ctx, { tags, reach: keyReach }, [
    {
      method: "GET",
      path: "/products/:productId/api-keys",
      operation: apiKeyOperations.list,
      params: ProductApiKeysParams,
      query: ProductApiKeysQuery,
      summary: "API keys of the key's own product (metadata only; api_key:read)",
    },
  ]);
}
