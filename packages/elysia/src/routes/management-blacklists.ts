import { Elysia } from "elysia";
import { apiKeyCaller, type ApiKeyPrincipal, type GgContext } from "@geckoguard/core";
import { requireApiKey } from "../http/require-api-key.ts";
import { blacklistOperations as op } from "./operations/blacklist-operations.ts";
import { mountOperations } from "./operations/mount-operations.ts";

/** Blacklists through the management API (X-Api-Key; blacklist:read / blacklist:write). */
export function managementBlacklistRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/products" }).use(requireApiKey(ctx));
  return mountOperations(app, ctx, { tags: ["Management: Blacklists"], reach: ({ apiKey }) => apiKeyCaller(apiKey as ApiKeyPrincipal) }, [
    { method: "GET", path: "/:productId/blacklists", operation: op.list, summary: "List blacklist entries (blacklist:read)" },
    { method: "POST", path: "/:productId/blacklists", operation: op.add, summary: "Add a blacklist entry (blacklist:write)" },
    { method: "DELETE", path: "/:productId/blacklists/:entryId", operation: op.remove, summary: "Remove a blacklist entry (blacklist:write)" },
  ]);
}
