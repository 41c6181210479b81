import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import { orgAccess, type EndUserScope, type GgContext } from "@geckoguard/core";
import { OrgIdParams } from "./route-params.ts";
import { requireUser } from "../http/require-user.ts";
import { actionOf, userOf } from "./operations/credential-reach.ts";
import { endUserOperations as op } from "./operations/end-user-operations.ts";
import { mountOperations, type ReachOf } from "./operations/mount-operations.ts";

/** /v1/dashboard/orgs/:orgId/end-users…: the org's customers. */
export function orgEndUserRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/dashboard/orgs/:orgId/end-users" }).use(requireUser(ctx));
  const reach: ReachOf<EndUserScope> = async (context, need) => {
    await orgAccess(ctx, userOf(context), context.params.orgId!, actionOf(need));
    return { kind: "org", orgId: context.params.orgId! };
  };
  const EndUserParams = Type.Object({ orgId: Type.String({ format: "uuid" }), endUserId: Type.String({ format: "uuid" }) });
  return mountOperations(app, ctx, { tags: ["End users"], reach }, [
    { method: "GET", path: "", operation: op.list, params: OrgIdParams, summary: "List end users (?username=, ?email=, ?search=)" },
    { method: "POST", path: "", operation: op.create, params: OrgIdParams, summary: "Create an end user" },
    { method: "GET", path: "/:endUserId", operation: op.get, params: EndUserParams, summary: "Get an end user" },
  ]);
}
