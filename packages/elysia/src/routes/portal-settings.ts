import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import {
  AnswerTime,
  IdParam,
  PatchPortalSettingsBody,
  PortalSettingsSchema,
  getPortalSettings,
  inviteEndUserToPortal,
  toIso,
  updatePortalSettings,
  type GgContext,
} from "@geckoguard/core";
import { ok } from "../http/envelope.ts";
import { requireUser } from "../http/require-user.ts";
import { answers } from "../openapi/answer-doc.ts";
import { One } from "../openapi/answer-shapes.ts";
import { OrgIdParams } from "./route-params.ts";

const tags = ["End-user portal: vendor"];
const Settings = One("portal", PortalSettingsSchema);

/** The vendor's side of the portal: its per-org settings and the set-password invitation (docs/portal.md). */
export function portalSettingsRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/dashboard/orgs/:orgId" })
    .use(requireUser(ctx))
    .get("/portal", async ({ userId, params }) => ok({ portal: await getPortalSettings(ctx, userId, params.orgId) }), {
      params: OrgIdParams,
      detail: { summary: "The org's end-user portal settings (off by default)", ...answers(Settings), tags },
    })
    .patch("/portal", async ({ userId, acting, params, body }) => ok({ portal: await updatePortalSettings(acting, userId, params.orgId, body) }), {
      params: OrgIdParams,
      body: PatchPortalSettingsBody,
      detail: { summary: "Change the portal settings (admin or owner)", ...answers(Settings), tags },
    })
    .post(
      "/end-users/:endUserId/portal-invite",
      async ({ userId, acting, params }) => ok({ invited: true as const, expiresAt: toIso((await inviteEndUserToPortal(acting, userId, params.orgId, params.endUserId)).expiresAt) }),
      {
        params: Type.Object({ orgId: IdParam, endUserId: IdParam }),
        detail: {
          summary: "Mail the end user a single-use link to set a portal password (valid 7 days)",
          ...answers(Type.Object({ invited: Type.Literal(true), expiresAt: AnswerTime }, { additionalProperties: false }), { errors: ["PORTAL_DISABLED"] }),
          tags,
        },
      },
    );
}
