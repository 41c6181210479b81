import { Elysia } from "elysia";
import {
  BlacklistEntryBody,
  BlacklistListQuery,
  BulkBlacklistBody,
  addBlacklistEntries,
  addBlacklistEntry,
  listBlacklistEntries,
  presentBlacklistEntry,
  removeBlacklistEntry,
  userCaller,
  type GgContext,
} from "@geckoguard/core";
import { ProductBlacklistParams, BlacklistEntryParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { requireUser } from "../http/require-user.ts";

const tags = ["Blacklists"];

/** Blacklists through the dashboard (JWT; viewers read, members write) — CONTRACT §5. */
export function blacklistRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/dashboard/blacklists/products" })
    .use(requireUser(ctx))
    .get(
      "/:productId",
      async ({ userId, params, query }) => {
        const { items, pagination } = await listBlacklistEntries(ctx, userCaller(userId), params.productId, query);
        return ok({ entries: items.map(presentBlacklistEntry), pagination });
      },
      { params: ProductBlacklistParams, query: BlacklistListQuery, detail: { summary: "List blacklist entries (?type=HWID|IP)", tags } },
    )
    .post(
      "/:productId",
      async ({ userId, params, body, set }) => {
        const entry = await addBlacklistEntry(ctx, userCaller(userId), params.productId, body);
        set.status = 201;
        return ok({ entry: presentBlacklistEntry(entry) });
      },
      { params: ProductBlacklistParams, body: BlacklistEntryBody, detail: { summary: "Add a blacklist entry", tags } },
    )
    .post(
      "/:productId/bulk",
      async ({ userId, params, body, set }) => {
        const entries = await addBlacklistEntries(ctx, userCaller(userId), params.productId, body.entries);
        set.status = 201;
        return ok({ entries: entries.map(presentBlacklistEntry), created: entries.length });
      },
      { params: ProductBlacklistParams, body: BulkBlacklistBody, detail: { summary: "Bulk add up to 1000 entries, all or none", tags } },
    )
    .delete(
      "/:productId/:entryId",
      async ({ userId, params }) => {
        await removeBlacklistEntry(ctx, userCaller(userId), params.productId, params.entryId);
        return ok({ deleted: true });
      },
      { params: BlacklistEntryParams, detail: { summary: "Remove a blacklist entry", tags } },
    );
}
