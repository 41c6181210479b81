import { ApiKeySchema, listApiKeys, presentApiKey, type Caller } from "@geckoguard/core";
import { Page } from "../../openapi/answer-shapes.ts";
import { operation } from "./operation.ts";

/** The caller, and the product whose keys it asks for (a query param in the dashboard, the path for keys). */
export interface ApiKeysReach {
  caller: Caller;
  productId: string;
}

/** API-key metadata, for both families; the use case checks the caller. */
export const apiKeyOperations = {
  list: operation({
    answer: Page("apiKeys", ApiKeySchema),
    // The dashboard names the product in the query: not yours, too low a role, or none.
    errors: ["FORBIDDEN", "PERMISSION_DENIED", "NOT_FOUND"],
    async run(ctx, { caller, productId }: ApiKeysReach, { query }) {
      const { items, pagination } = await listApiKeys(ctx, caller, productId, query as { page?: number; pageSize?: number });
      return { apiKeys: items.map(presentApiKey), pagination };
    },
  }),
};
