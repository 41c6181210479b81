import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import {
  CreateLicensesBody,
  ManagementListLicensesQuery,
  PatchLicenseBody,
  applyLicenseAction,
  assertKeyCan,
  createLicenses,
  deleteLicense,
  hasScope,
  licenseAnalytics,
  listLicenses,
  managementLicense,
  patchLicense,
  presentLicense,
  productOfKey,
  type ApiKeyPrincipal,
  type GgContext,
  type LicenseAction,
  type LicenseView,
  type Scope,
} from "@geckoguard/core";
import { ok } from "../http/envelope.ts";
import { answerHoldsLicenseKeys } from "../http/no-store.ts";
import { requireApiKey } from "../http/require-api-key.ts";
import { licensePage } from "./license-presenters.ts";

const tags = ["Management"];
const Id = Type.String({ format: "uuid" });
const ProductParams = Type.Object({ productId: Id });
const LicenseParams = Type.Object({ productId: Id, licenseId: Id });
const ACTIONS: [string, LicenseAction, Scope][] = [
  ["revoke", "revoke", "license:revoke"],
  ["unrevoke", "unrevoke", "license:unrevoke"],
  ["reset-hwid", "reset_hwid", "license:reset_hwid"],
  ["reset-ip", "reset_ip", "license:reset_ip"],
];

/** Owner fields only with end_user:read (CONTRACT §4). */
function present(license: LicenseView, key: ApiKeyPrincipal, now: number) {
  return presentLicense(license, now, { includeOwner: hasScope(key, "end_user:read") });
}

/** /v1/products/:productId/licenses…: the management family, authorized by key scopes. */
export function managementLicenseRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/products/:productId" })
    .use(requireApiKey(ctx))
    .onTransform(answerHoldsLicenseKeys)
    .get(
      "/licenses",
      async ({ apiKey, params, query }) => {
        assertKeyCan(apiKey, params.productId, "license:read");
        const { items, pagination } = await listLicenses(ctx, { kind: "product", productId: params.productId }, query);
        return ok(licensePage(items, pagination, ctx.clock.now(), hasScope(apiKey, "end_user:read")));
      },
      { params: ProductParams, query: ManagementListLicensesQuery, detail: { summary: "List licenses (license:read)", tags } },
    )
    .post(
      "/licenses",
      async ({ apiKey, params, body, set }) => {
        const product = await productOfKey(ctx, apiKey, params.productId, "license:create");
        const created = await createLicenses(ctx, product, body);
        set.status = 201;
        return ok({ licenses: created.map((l) => present(l, apiKey, ctx.clock.now())) });
      },
      { params: ProductParams, body: CreateLicensesBody, detail: { summary: "Create license(s) (license:create)", tags } },
    )
    .get(
      "/licenses/:licenseId",
      async ({ apiKey, params }) => {
        const license = await managementLicense(ctx, apiKey, params.productId, params.licenseId, "license:read");
        return ok({ license: present(license, apiKey, ctx.clock.now()) });
      },
      { params: LicenseParams, detail: { summary: "Get a license (license:read)", tags } },
    )
    .patch(
      "/licenses/:licenseId",
      async ({ apiKey, params, body }) => {
        const license = await managementLicense(ctx, apiKey, params.productId, params.licenseId, "license:update");
        return ok({ license: present(await patchLicense(ctx, license, apiKey.orgId, body), apiKey, ctx.clock.now()) });
      },
      { params: LicenseParams, body: PatchLicenseBody, detail: { summary: "Update a license (license:update)", tags } },
    )
    .delete(
      "/licenses/:licenseId",
      async ({ apiKey, params }) => {
        await deleteLicense(ctx, await managementLicense(ctx, apiKey, params.productId, params.licenseId, "license:delete"));
        return ok({ deleted: 1 });
      },
      { params: LicenseParams, detail: { summary: "Delete a license (license:delete)", tags } },
    )
    .get(
      "/analytics",
      async ({ apiKey, params }) => {
        assertKeyCan(apiKey, params.productId, "analytics:read");
        return ok(await licenseAnalytics(ctx, { kind: "product", productId: params.productId }));
      },
      { params: ProductParams, detail: { summary: "License counts by state (analytics:read)", tags } },
    );
  for (const [path, action, scope] of ACTIONS) {
    app.post(
      `/licenses/:licenseId/${path}`,
      async ({ apiKey, params }) => {
        const license = await managementLicense(ctx, apiKey, params.productId, params.licenseId, scope);
        return ok({ license: present(await applyLicenseAction(ctx, license, action), apiKey, ctx.clock.now()) });
      },
      { params: LicenseParams, detail: { summary: `${path} a license (${scope})`, tags } },
    );
  }
  return app;
}
