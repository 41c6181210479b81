import { Elysia } from "elysia";
import {
  CreateInviteBody,
  InviteListQuery,
  InviteMembershipSchema,
  InviteSchema,
  InviteTokenBody,
  ReceivedInviteSchema,
  acceptInvite,
  createInvite,
  declineInvite,
  listInvites,
  listMyInvites,
  pageOf,
  pageQuerySchema,
  pageRequest,
  presentInvite,
  presentReceivedInvite,
  resendInvite,
  revokeInvite,
  type GgContext,
} from "@geckoguard/core";
import { Type } from "@sinclair/typebox";
import { OrgIdParams, OrgInviteParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { requireUser } from "../http/require-user.ts";
import { answers } from "../openapi/answer-doc.ts";
import { One, Page } from "../openapi/answer-shapes.ts";

const tags = ["Invitations"];
const PageQuery = Type.Object(pageQuerySchema());

/**
 * Invitations (docs/team-and-audit.md#invitations-and-roles): an org's admins invite,
 * list, resend and revoke under /v1/dashboard/orgs/:orgId/invites; the invitee lists,
 * accepts and declines under /v1/dashboard/invites.
 */
export function inviteRoutes(ctx: GgContext) {
  const orgInvites = new Elysia({ prefix: "/v1/dashboard/orgs" })
    .use(requireUser(ctx))
    .post(
      "/:orgId/invites",
      async ({ userId, acting, params, body, set }) => {
        const invite = await createInvite(acting, userId, params.orgId, body);
        set.status = 201;
        return ok({ invite: presentInvite(invite, ctx.clock.now()) });
      },
      { params: OrgIdParams, body: CreateInviteBody, detail: { summary: "Invite someone by email (mails a link valid for 7 days)", ...answers(One("invite", InviteSchema), { status: 201, errors: ["CONFLICT"] }), tags } },
    )
    .get(
      "/:orgId/invites",
      async ({ userId, params, query }) => {
        const { items, pagination } = await listInvites(ctx, userId, params.orgId, { status: query.status }, pageRequest(query));
        const now = ctx.clock.now();
        return ok({ invites: items.map((invite) => presentInvite(invite, now)), pagination });
      },
      { params: OrgIdParams, query: InviteListQuery, detail: { summary: "List the org's invites, newest first", ...answers(Page("invites", InviteSchema)), tags } },
    )
    .post(
      "/:orgId/invites/:inviteId/resend",
      async ({ userId, acting, params }) => ok({ invite: presentInvite(await resendInvite(acting, userId, params.orgId, params.inviteId), ctx.clock.now()) }),
      { params: OrgInviteParams, detail: { summary: "Mail a new link with a new expiry (the old link stops working)", ...answers(One("invite", InviteSchema), { errors: ["CONFLICT"] }), tags } },
    )
    .delete(
      "/:orgId/invites/:inviteId",
      async ({ userId, acting, params }) => ok({ invite: presentInvite(await revokeInvite(acting, userId, params.orgId, params.inviteId), ctx.clock.now()) }),
      { params: OrgInviteParams, detail: { summary: "Revoke a pending invite", ...answers(One("invite", InviteSchema), { errors: ["CONFLICT"] }), tags } },
    );

  const received = new Elysia({ prefix: "/v1/dashboard/invites" })
    .use(requireUser(ctx))
    .get(
      "",
      async ({ userId, query }) => {
        const now = ctx.clock.now();
        const { items, pagination } = pageOf(await listMyInvites(ctx, userId), pageRequest(query));
        return ok({ invites: items.map((invite) => presentReceivedInvite(invite, now)), pagination });
      },
      { query: PageQuery, detail: { summary: "Pending invites to your verified email address", ...answers(Page("invites", ReceivedInviteSchema)), tags } },
    )
    .post("/accept", async ({ userId, acting, body }) => ok({ membership: await acceptInvite(acting, userId, body) }), {
      body: InviteTokenBody,
      detail: { summary: "Accept an invite (your verified email must be the invited one)", ...answers(One("membership", InviteMembershipSchema), { errors: ["PERMISSION_DENIED", "CONFLICT"] }), tags },
    })
    .post("/decline", async ({ userId, acting, body }) => ok({ invite: presentInvite(await declineInvite(acting, userId, body), ctx.clock.now()) }), {
      body: InviteTokenBody,
      detail: { summary: "Decline an invite", ...answers(One("invite", InviteSchema), { errors: ["PERMISSION_DENIED"] }), tags },
    });

  return new Elysia().use(orgInvites).use(received);
}
