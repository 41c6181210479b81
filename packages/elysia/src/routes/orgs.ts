import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import {
  AddMemberBody,
  MemberSchema,
  OrgNameBody,
  OrgSchema,
  TransferOwnershipBody,
  UpdateMemberBody,
  addMember,
  changeMemberRole,
  createOrg,
  deleteOrg,
  getOrg,
  listMembers,
  listOrgs,
  pageOf,
  pageQuerySchema,
  pageRequest,
  presentMember,
  presentOrg,
  removeMember,
  renameOrg,
  transferOwnership,
  type GgContext,
} from "@geckoguard/core";
import { OrgIdParams, OrgMemberParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { requireUser } from "../http/require-user.ts";
import { answers } from "../openapi/answer-doc.ts";
import { One, Page, Done } from "../openapi/answer-shapes.ts";

const tags = ["Organizations"];
const PageQuery = Type.Object(pageQuerySchema());

/** Organizations and their members (roles: docs/authentication.md#org-roles). */
export function orgRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/dashboard/orgs" })
    .use(requireUser(ctx))
    .get(
      "",
      async ({ userId, query }) => {
        const { items, pagination } = pageOf(await listOrgs(ctx, userId), pageRequest(query));
        return ok({ orgs: items.map(presentOrg), pagination });
      },
      { query: PageQuery, detail: { summary: "List your organizations", ...answers(Page("orgs", OrgSchema)), tags } },
    )
    .post(
      "",
      async ({ userId, acting, body, set }) => {
        const org = await createOrg(acting, userId, body.name);
        set.status = 201;
        return ok({ org: presentOrg(org) });
      },
      { body: OrgNameBody, detail: { summary: "Create an organization (you become its owner)", ...answers(One("org", OrgSchema), { status: 201 }), tags } },
    )
    .get("/:orgId", async ({ userId, params }) => ok({ org: presentOrg(await getOrg(ctx, userId, params.orgId)) }), {
      params: OrgIdParams,
      detail: { summary: "Get organization details", ...answers(One("org", OrgSchema)), tags },
    })
    .patch(
      "/:orgId",
      async ({ userId, acting, params, body }) => ok({ org: presentOrg(await renameOrg(acting, userId, params.orgId, body.name)) }),
      { params: OrgIdParams, body: OrgNameBody, detail: { summary: "Update organization", ...answers(One("org", OrgSchema)), tags } },
    )
    .delete(
      "/:orgId",
      async ({ userId, params }) => {
        await deleteOrg(ctx, userId, params.orgId);
        return ok({ deleted: true });
      },
      { params: OrgIdParams, detail: { summary: "Delete organization and everything in it (owner only)", ...answers(Done("deleted")), tags } },
    )
    .get(
      "/:orgId/members",
      async ({ userId, params, query }) => {
        const { items, pagination } = pageOf(await listMembers(ctx, userId, params.orgId), pageRequest(query));
        return ok({ members: items.map(presentMember), pagination });
      },
      { params: OrgIdParams, query: PageQuery, detail: { summary: "List members", ...answers(Page("members", MemberSchema)), tags } },
    )
    .post(
      "/:orgId/members",
      async ({ userId, acting, params, body, set }) => {
        const member = await addMember(acting, userId, params.orgId, body.email, body.role);
        set.status = 201;
        return ok({ member: presentMember(member) });
      },
      { params: OrgIdParams, body: AddMemberBody, detail: { summary: "Add an existing account as a member", ...answers(One("member", MemberSchema), { status: 201, errors: ["CONFLICT"] }), tags } },
    )
    .patch(
      "/:orgId/members/:userId",
      async ({ userId, acting, params, body }) =>
        ok({ member: presentMember(await changeMemberRole(acting, userId, params.orgId, params.userId, body.role)) }),
      { params: OrgMemberParams, body: UpdateMemberBody, detail: { summary: "Change a member's role", ...answers(One("member", MemberSchema)), tags } },
    )
    .delete(
      "/:orgId/members/:userId",
      async ({ userId, acting, params }) => {
        await removeMember(acting, userId, params.orgId, params.userId);
        return ok({ removed: true });
      },
      { params: OrgMemberParams, detail: { summary: "Remove a member", ...answers(Done("removed")), tags } },
    )
    .post(
      "/:orgId/transfer-ownership",
      async ({ userId, acting, params, body }) => {
        await transferOwnership(acting, userId, params.orgId, body.userId);
        return ok({ org: presentOrg(await getOrg(ctx, userId, params.orgId)) });
      },
      { params: OrgIdParams, body: TransferOwnershipBody, detail: { summary: "Hand the org to another member", ...answers(One("org", OrgSchema)), tags } },
    );
}
