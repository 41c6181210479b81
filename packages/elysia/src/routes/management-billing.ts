import { Elysia } from "elysia";
import { apiKeyCaller, type ApiKeyPrincipal, type GgContext } from "@geckoguard/core";
import { requireApiKey } from "../http/require-api-key.ts";
import { billingMounts } from "./billing-mounts.ts";
import { mountOperations } from "./operations/mount-operations.ts";

/** /v1/products/:productId/{plans,subscriptions}: billing through the management API (subscription:read / subscription:write). */
export function managementBillingRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/products/:productId" }).use(requireApiKey(ctx));
  return mountOperations(
    app,
    ctx,
    { tags: ["Management: Subscriptions"], reach: ({ apiKey }) => apiKeyCaller(apiKey as ApiKeyPrincipal) },
    billingMounts({ read: " (subscription:read)", write: " (subscription:write)" }),
  );
}
