import { Elysia } from "elysia";
import {
  BulkIdsBody,
  DashboardCreateLicensesBody,
  ExpiringQuery,
  ExtendBody,
  ListLicensesQuery,
  bulkDeleteLicenses,
  bulkUpdateLicenses,
  createLicenses,
  licenseAnalytics,
  listExpiringLicenses,
  listLicenses,
  orgLicenseScope,
  productOfOrg,
  type BulkAction,
  type GgContext,
} from "@geckoguard/core";
import { OrgIdParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { answerHoldsLicenseKeys } from "../http/no-store.ts";
import { requireUser } from "../http/require-user.ts";
import { dashboardLicense, licensePage } from "./license-presenters.ts";

const tags = ["Licenses"];
const BULK_ACTIONS = ["freeze", "unfreeze", "revoke", "unrevoke"] as const;

/** /v1/dashboard/orgs/:orgId/licenses…: list, create, bulk operations, analytics. */
export function orgLicenseRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/dashboard/orgs/:orgId/licenses" })
    .use(requireUser(ctx))
    .onTransform(answerHoldsLicenseKeys)
    .get(
      "",
      async ({ userId, params, query }) => {
        const scope = await orgLicenseScope(ctx, userId, params.orgId, "read");
        const { items, pagination } = await listLicenses(ctx, scope, query);
        return ok(licensePage(items, pagination, ctx.clock.now(), true));
      },
      { params: OrgIdParams, query: ListLicensesQuery, detail: { summary: "List licenses (filter by product, status, frozen, expired, search, endUserId)", tags } },
    )
    .post(
      "",
      async ({ userId, params, body, set }) => {
        await orgLicenseScope(ctx, userId, params.orgId, "manageLicenses");
        const product = await productOfOrg(ctx, params.orgId, body.productId);
        const created = await createLicenses(ctx, product, body);
        set.status = 201;
        return ok({ licenses: created.map((l) => dashboardLicense(l, ctx.clock.now())) });
      },
      { params: OrgIdParams, body: DashboardCreateLicensesBody, detail: { summary: "Create license(s): count 1–500 in one transaction", tags } },
    )
    .delete(
      "",
      async ({ userId, params, body }) => ok(await bulkDeleteLicenses(ctx, await orgLicenseScope(ctx, userId, params.orgId, "manageLicenses"), body.ids)),
      { params: OrgIdParams, body: BulkIdsBody, detail: { summary: "Bulk delete licenses (all or none)", tags } },
    )
    .get(
      "/analytics",
      async ({ userId, params }) => ok(await licenseAnalytics(ctx, await orgLicenseScope(ctx, userId, params.orgId, "read"))),
      { params: OrgIdParams, detail: { summary: "License counts by state and product", tags } },
    )
    .get(
      "/expiring",
      async ({ userId, params, query }) => {
        const scope = await orgLicenseScope(ctx, userId, params.orgId, "read");
        const { items, pagination, withinDays } = await listExpiringLicenses(ctx, scope, query);
        return ok({ ...licensePage(items, pagination, ctx.clock.now(), true), withinDays });
      },
      { params: OrgIdParams, query: ExpiringQuery, detail: { summary: "Licenses expiring within ?withinDays= (default 7)", tags } },
    )
    .post(
      "/extend",
      async ({ userId, params, body }) =>
        ok(await bulkUpdateLicenses(ctx, await orgLicenseScope(ctx, userId, params.orgId, "manageLicenses"), body.ids, { extendDays: body.days })),
      { params: OrgIdParams, body: ExtendBody, detail: { summary: "Bulk extend expiry by `days`", tags } },
    );
  for (const action of BULK_ACTIONS) {
    app.post(
      `/${action}`,
      async ({ userId, params, body }) =>
        ok(await bulkUpdateLicenses(ctx, await orgLicenseScope(ctx, userId, params.orgId, "manageLicenses"), body.ids, action satisfies BulkAction)),
      { params: OrgIdParams, body: BulkIdsBody, detail: { summary: `Bulk ${action} licenses (all or none)`, tags } },
    );
  }
  return app;
}

