import { Elysia } from "elysia";
import {
  BlacklistEntryBody,
  BlacklistListQuery,
  addBlacklistEntry,
  apiKeyCaller,
  listBlacklistEntries,
  presentBlacklistEntry,
  removeBlacklistEntry,
  type GgContext,
} from "@geckoguard/core";
import { ProductBlacklistParams, BlacklistEntryParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { requireApiKey } from "../http/require-api-key.ts";

const tags = ["Management: Blacklists"];

/** Blacklists through the management API (X-Api-Key; blacklist:read / blacklist:write). */
export function managementBlacklistRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/products" })
    .use(requireApiKey(ctx))
    .get(
      "/:productId/blacklists",
      async ({ apiKey, params, query }) => {
        const { items, pagination } = await listBlacklistEntries(ctx, apiKeyCaller(apiKey), params.productId, query);
        return ok({ entries: items.map(presentBlacklistEntry), pagination });
      },
      { params: ProductBlacklistParams, query: BlacklistListQuery, detail: { summary: "List blacklist entries (blacklist:read)", tags } },
    )
    .post(
      "/:productId/blacklists",
      async ({ apiKey, params, body, set }) => {
        const entry = await addBlacklistEntry(ctx, apiKeyCaller(apiKey), params.productId, body);
        set.status = 201;
        return ok({ entry: presentBlacklistEntry(entry) });
      },
      { params: ProductBlacklistParams, body: BlacklistEntryBody, detail: { summary: "Add a blacklist entry (blacklist:write)", tags } },
    )
    .delete(
      "/:productId/blacklists/:entryId",
      async ({ apiKey, params }) => {
        await removeBlacklistEntry(ctx, apiKeyCaller(apiKey), params.productId, params.entryId);
        return ok({ deleted: true });
      },
      { params: BlacklistEntryParams, detail: { summary: "Remove a blacklist entry (blacklist:write)", tags } },
    );
}
