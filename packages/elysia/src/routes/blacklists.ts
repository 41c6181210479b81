import { Elysia } from "elysia";
import { userCaller, type GgContext } from "@geckoguard/core";
import { requireUser } from "../http/require-user.ts";
import { blacklistOperations as op } from "./operations/blacklist-operations.ts";
import { mountOperations } from "./operations/mount-operations.ts";

/** Blacklists through the dashboard (JWT; viewers read, members write) — docs/api-keys-and-blacklists.md#blacklists. */
export function blacklistRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/dashboard/blacklists/products" }).use(requireUser(ctx));
  return mountOperations(app, ctx, { tags: ["Blacklists"], reach: ({ userId }) => userCaller(userId!) }, [
    { method: "GET", path: "/:productId", operation: op.list, summary: "List blacklist entries (?type=HWID|IP)" },
    { method: "POST", path: "/:productId", operation: op.add, summary: "Add a blacklist entry" },
    { method: "POST", path: "/:productId/bulk", operation: op.addMany, summary: "Bulk add up to 1000 entries, all or none" },
    { method: "DELETE", path: "/:productId/:entryId", operation: op.remove, summary: "Remove a blacklist entry" },
  ]);
}
