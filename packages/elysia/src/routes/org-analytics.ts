import { Elysia } from "elysia";
import { AnalyticsQuery, AnalyticsSchema, orgAnalytics, type GgContext } from "@geckoguard/core";
import { OrgIdParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { requireUser } from "../http/require-user.ts";
import { answers } from "../openapi/answer-doc.ts";

/** GET /v1/dashboard/orgs/:orgId/analytics: any member's view of the org (docs/team-and-audit.md#analytics). */
export function orgAnalyticsRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/dashboard/orgs/:orgId/analytics" })
    .use(requireUser(ctx))
    .get("", async ({ userId, params, query }) => ok(await orgAnalytics(ctx, userId, params.orgId, query)), {
      params: OrgIdParams,
      query: AnalyticsQuery,
      detail: {
        summary: "Org analytics: licenses by state, live sessions, bound HWIDs, a daily series of creations and authorize outcomes, top products (?from=&to=&productId=)",
        ...answers(AnalyticsSchema, { errors: ["VALIDATION_ERROR", "FORBIDDEN", "NOT_FOUND"] }),
        tags: ["Analytics"],
      },
    });
}
