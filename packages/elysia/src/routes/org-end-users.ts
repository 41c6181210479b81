import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import {
  CreateEndUserBody,
  ListEndUsersQuery,
  createEndUser,
  getEndUser,
  listEndUsers,
  orgAccess,
  presentEndUser,
  type GgContext,
} from "@geckoguard/core";
import { OrgIdParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { requireUser } from "../http/require-user.ts";

const tags = ["End users"];

/** /v1/dashboard/orgs/:orgId/end-users…: the org's customers. */
export function orgEndUserRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/dashboard/orgs/:orgId/end-users" })
    .use(requireUser(ctx))
    .get(
      "",
      async ({ userId, params, query }) => {
        await orgAccess(ctx, userId, params.orgId, "read");
        const { items, pagination } = await listEndUsers(ctx, { kind: "org", orgId: params.orgId }, query);
        return ok({ endUsers: items.map(presentEndUser), pagination });
      },
      { params: OrgIdParams, query: ListEndUsersQuery, detail: { summary: "List end users (?username=, ?email=, ?search=)", tags } },
    )
    .post(
      "",
      async ({ userId, params, body, set }) => {
        await orgAccess(ctx, userId, params.orgId, "manageEndUsers");
        const endUser = await createEndUser(ctx, params.orgId, body);
        set.status = 201;
        return ok({ endUser: presentEndUser(endUser) });
      },
      { params: OrgIdParams, body: CreateEndUserBody, detail: { summary: "Create an end user", tags } },
    )
    .get(
      "/:endUserId",
      async ({ userId, params }) => {
        await orgAccess(ctx, userId, params.orgId, "read");
        return ok({ endUser: presentEndUser(await getEndUser(ctx, { kind: "org", orgId: params.orgId }, params.endUserId)) });
      },
      { params: Type.Object({ orgId: Type.String({ format: "uuid" }), endUserId: Type.String({ format: "uuid" }) }), detail: { summary: "Get an end user", tags } },
    );
}
