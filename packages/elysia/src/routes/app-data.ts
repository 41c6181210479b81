import { Elysia } from "elysia";
import { apiKeyCaller, userCaller, type ApiKeyPrincipal, type GgContext } from "@geckoguard/core";
import { requireUser } from "../http/require-user.ts";
import { requireApiKey } from "../http/require-api-key.ts";
import { variableOperations as variables } from "./operations/variable-operations.ts";
import { versionOperations as versions } from "./operations/version-operations.ts";
import { licenseVariableOperations as overrides } from "./operations/license-variable-operations.ts";
import { mountOperations } from "./operations/mount-operations.ts";
import {
  DashboardProductVariableParams,
  DashboardProductVariablesParams,
  DashboardProductVersionParams,
  DashboardProductVersionsParams,
  ProductVariableParams,
  ProductVariablesParams,
  ProductVersionParams,
  ProductVersionsParams,
} from "./route-params.ts";

/** App variables and versions through the dashboard (JWT; any role reads, admins write) — docs/variables.md, docs/versions.md. */
export function appDataRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/dashboard/products" }).use(requireUser(ctx));
  const reach = { reach: ({ userId }: { userId?: string }) => userCaller(userId!) };
  mountOperations(app, ctx, { tags: ["App variables"], ...reach }, [
    { method: "GET", path: "/:id/variables", operation: variables.list, params: DashboardProductVariablesParams, summary: "List a product's variables (secret values only for admins)" },
    { method: "PUT", path: "/:id/variables/:name", operation: variables.put, params: DashboardProductVariableParams, summary: "Create or replace a product variable (admin)" },
    { method: "DELETE", path: "/:id/variables/:name", operation: variables.remove, params: DashboardProductVariableParams, summary: "Delete a product variable (admin)" },
  ]);
  return mountOperations(app, ctx, { tags: ["App versions"], ...reach }, [
    { method: "GET", path: "/:id/versions", operation: versions.list, params: DashboardProductVersionsParams, summary: "List a product's versions, newest semver first (?channel=)" },
    { method: "POST", path: "/:id/versions", operation: versions.create, params: DashboardProductVersionsParams, summary: "Release a version on a channel (admin)" },
    { method: "GET", path: "/:id/versions/:versionId", operation: versions.get, params: DashboardProductVersionParams, summary: "Get a version" },
    { method: "PATCH", path: "/:id/versions/:versionId", operation: versions.patch, params: DashboardProductVersionParams, summary: "Change a version's notes, required flag, file or release time (admin)" },
    { method: "POST", path: "/:id/versions/:versionId/yank", operation: versions.yank, params: DashboardProductVersionParams, summary: "Yank a version: hidden from apps, kept for history (admin)" },
  ]);
}

/** A license's variable overrides through the dashboard (any role reads, admins write). */
export function licenseVariableRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/dashboard/licenses" }).use(requireUser(ctx));
  return mountOperations(app, ctx, { tags: ["App variables"], reach: ({ userId }) => userId! }, [
    { method: "GET", path: "/:id/variables", operation: overrides.list, summary: "List a license's variable overrides" },
    { method: "PUT", path: "/:id/variables/:name", operation: overrides.put, summary: "Create or replace a license's override of a variable (admin)" },
    { method: "DELETE", path: "/:id/variables/:name", operation: overrides.remove, summary: "Delete a license's override (admin)" },
  ]);
}

/** The same through the management API (X-Api-Key; variable:read / variable:write, version:read / version:write). */
export function managementAppDataRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/products" }).use(requireApiKey(ctx));
  const reach = { reach: ({ apiKey }: { apiKey?: unknown }) => apiKeyCaller(apiKey as ApiKeyPrincipal) };
  mountOperations(app, ctx, { tags: ["Management: App variables"], ...reach }, [
    { method: "GET", path: "/:productId/variables", operation: variables.list, params: ProductVariablesParams, summary: "List the product's variables; secret values are null (variable:read)" },
    { method: "PUT", path: "/:productId/variables/:name", operation: variables.put, params: ProductVariableParams, summary: "Create or replace a variable (variable:write)" },
    { method: "DELETE", path: "/:productId/variables/:name", operation: variables.remove, params: ProductVariableParams, summary: "Delete a variable (variable:write)" },
  ]);
  return mountOperations(app, ctx, { tags: ["Management: App versions"], ...reach }, [
    { method: "GET", path: "/:productId/versions", operation: versions.list, params: ProductVersionsParams, summary: "List versions, newest semver first (version:read)" },
    { method: "POST", path: "/:productId/versions", operation: versions.create, params: ProductVersionsParams, summary: "Release a version (version:write)" },
    { method: "GET", path: "/:productId/versions/:versionId", operation: versions.get, params: ProductVersionParams, summary: "Get a version (version:read)" },
    { method: "PATCH", path: "/:productId/versions/:versionId", operation: versions.patch, params: ProductVersionParams, summary: "Change a version (version:write)" },
    { method: "POST", path: "/:productId/versions/:versionId/yank", operation: versions.yank, params: ProductVersionParams, summary: "Yank a version (version:write)" },
  ]);
}
