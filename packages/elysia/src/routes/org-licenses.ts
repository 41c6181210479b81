import { Elysia } from "elysia";
import {
  BulkIdsBody,
  DashboardCreateLicensesBody,
  ExpiringQuery,
  ExtendBody,
  LicenseSchema,
  PaginationSchema,
  bulkDeleteLicenses,
  bulkUpdateLicenses,
  listExpiringLicenses,
  orgLicenseScope,
  productOfOrg,
  type BulkAction,
  type GgContext,
} from "@geckoguard/core";
import { OrgIdParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { answerHoldsLicenseKeys } from "../http/no-store.ts";
import { requireUser } from "../http/require-user.ts";
import { licensePage } from "./license-presenters.ts";
import { actionOf, userOf } from "./operations/credential-reach.ts";
import { licenseOperations as op, type LicensesReach } from "./operations/license-operations.ts";
import { mountOperations, type ReachOf } from "./operations/mount-operations.ts";
import { answers } from "../openapi/answer-doc.ts";
import { Count } from "../openapi/answer-shapes.ts";
import { Type } from "@sinclair/typebox";

const tags = ["Licenses"];
const BULK_ACTIONS = ["freeze", "unfreeze", "revoke", "unrevoke"] as const;

/** /v1/dashboard/orgs/:orgId/licenses…: list, create, bulk operations, analytics. */
export function orgLicenseRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/dashboard/orgs/:orgId/licenses" }).use(requireUser(ctx)).onTransform(answerHoldsLicenseKeys);
  // The path names the org, so new licenses name their product in the body.
  const orgReach: ReachOf<LicensesReach> = async (context, need) => {
    const orgId = context.params.orgId!;
    return {
      scope: await orgLicenseScope(ctx, userOf(context), orgId, actionOf(need)),
      includeOwner: true,
      product: (body) => productOfOrg(ctx, orgId, (body as { productId: string }).productId),
    };
  };
  mountOperations(app, ctx, { tags, reach: orgReach }, [
    { method: "GET", path: "", operation: op.list, params: OrgIdParams, summary: "List licenses (filter by product, status, frozen, expired, search, endUserId)" },
    { method: "POST", path: "", operation: op.create, params: OrgIdParams, body: DashboardCreateLicensesBody, summary: "Create license(s): count 1–500 in one transaction" },
  ]);
  app.delete(
    "",
    async ({ acting, userId, params, body }) => ok(await bulkDeleteLicenses(acting, await orgLicenseScope(ctx, userId, params.orgId, "manageLicenses"), body.ids)),
    { params: OrgIdParams, body: BulkIdsBody, detail: { summary: "Bulk delete licenses (all or none)", ...answers(Count("deleted")), tags } },
  );
  mountOperations(app, ctx, { tags, reach: orgReach }, [
    { method: "GET", path: "/analytics", operation: op.analytics, params: OrgIdParams, summary: "License counts by state and product" },
  ]);
  app
    .get(
      "/expiring",
      async ({ userId, params, query }) => {
        const scope = await orgLicenseScope(ctx, userId, params.orgId, "read");
        const { items, pagination, withinDays } = await listExpiringLicenses(ctx, scope, query);
        return ok({ ...licensePage(items, pagination, ctx.clock.now(), true), withinDays });
      },
      { params: OrgIdParams, query: ExpiringQuery, detail: { summary: "Licenses expiring within ?withinDays= (default 7)", ...answers(Type.Object({ licenses: Type.Array(LicenseSchema), pagination: PaginationSchema, withinDays: Type.Integer({ minimum: 1, examples: [7] }) }, { additionalProperties: false })), tags } },
    )
    .post(
      "/extend",
      async ({ acting, userId, params, body }) =>
        ok(await bulkUpdateLicenses(acting, await orgLicenseScope(ctx, userId, params.orgId, "manageLicenses"), body.ids, { extendDays: body.days })),
      { params: OrgIdParams, body: ExtendBody, detail: { summary: "Bulk extend expiry by `days`", ...answers(Count("updated")), tags } },
    );
  for (const action of BULK_ACTIONS) {
    app.post(
      `/${action}`,
      async ({ acting, userId, params, body }) =>
        ok(await bulkUpdateLicenses(acting, await orgLicenseScope(ctx, userId, params.orgId, "manageLicenses"), body.ids, action satisfies BulkAction)),
      { params: OrgIdParams, body: BulkIdsBody, detail: { summary: `Bulk ${action} licenses (all or none)`, ...answers(Count("updated")), tags } },
    );
  }
  return app;
}
