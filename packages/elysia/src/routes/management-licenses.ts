import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import { ManagementListLicensesQuery, hasScope, managementLicense, productOfKey, type GgContext } from "@geckoguard/core";
import { answerHoldsLicenseKeys } from "../http/no-store.ts";
import { requireApiKey } from "../http/require-api-key.ts";
import { apiKeyOf, assertKeyMay, scopeOf } from "./operations/credential-reach.ts";
import { licenseActionOperations, licenseOperations as op, type LicenseReach, type LicensesReach } from "./operations/license-operations.ts";
import { mountOperations, type ReachOf } from "./operations/mount-operations.ts";

const tags = ["Management"];
const Id = Type.String({ format: "uuid" });
const ProductParams = Type.Object({ productId: Id });
const LicenseParams = Type.Object({ productId: Id, licenseId: Id });

/** /v1/products/:productId/licenses…: the management family, authorized by key scopes. */
export function managementLicenseRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/products/:productId" }).use(requireApiKey(ctx)).onTransform(answerHoldsLicenseKeys);
  // Owner fields only with end_user:read (docs/licenses.md#owner-fields).
  const productReach: ReachOf<LicensesReach> = (context, need) => {
    const apiKey = apiKeyOf(context);
    const productId = context.params.productId!;
    assertKeyMay(apiKey, productId, need);
    return {
      scope: { kind: "product", productId },
      includeOwner: hasScope(apiKey, "end_user:read"),
      product: () => productOfKey(ctx, apiKey, productId, scopeOf(need)),
    };
  };
  const licenseReach: ReachOf<LicenseReach> = async (context, need) => {
    const apiKey = apiKeyOf(context);
    const license = await managementLicense(ctx, apiKey, context.params.productId!, context.params.licenseId!, scopeOf(need));
    return { license, orgId: apiKey.orgId, includeOwner: hasScope(apiKey, "end_user:read") };
  };
  mountOperations(app, ctx, { tags, reach: productReach }, [
    { method: "GET", path: "/licenses", operation: op.list, params: ProductParams, query: ManagementListLicensesQuery, summary: "List licenses (license:read)" },
    { method: "POST", path: "/licenses", operation: op.create, params: ProductParams, summary: "Create license(s) (license:create)" },
  ]);
  mountOperations(app, ctx, { tags, reach: licenseReach }, [
    { method: "GET", path: "/licenses/:licenseId", operation: op.get, params: LicenseParams, summary: "Get a license (license:read)" },
    { method: "PATCH", path: "/licenses/:licenseId", operation: op.patch, params: LicenseParams, summary: "Update a license (license:update)" },
    { method: "DELETE", path: "/licenses/:licenseId", operation: op.remove, params: LicenseParams, summary: "Delete a license (license:delete)" },
  ]);
  mountOperations(app, ctx, { tags, reach: productReach }, [
    { method: "GET", path: "/analytics", operation: op.analytics, params: ProductParams, summary: "License counts by state (analytics:read)" },
  ]);
  return mountOperations(
    app,
    ctx,
    { tags, reach: licenseReach },
    licenseActionOperations.map(({ path, scope, operation }) => ({
      method: "POST" as const,
      path: `/licenses/:licenseId/${path}`,
      operation,
      params: LicenseParams,
      summary: `${path} a license (${scope})`,
    })),
  );
}
