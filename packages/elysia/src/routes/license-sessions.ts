import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import { SessionSchema, dashboardLicense, listActiveSessions, presentSession, revokeAllSessions, revokeSession, type GgContext } from "@geckoguard/core";
import { ok } from "../http/envelope.ts";
import { requireUser } from "../http/require-user.ts";
import { answers } from "../openapi/answer-doc.ts";
import { Count } from "../openapi/answer-shapes.ts";

const tags = ["Sessions"];
const Id = Type.String({ format: "uuid" });

/** /v1/dashboard/licenses/:id/sessions…: list live sessions, kill one or all. */
export function licenseSessionRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/dashboard/licenses/:id/sessions" })
    .use(requireUser(ctx))
    .get(
      "",
      async ({ userId, params }) => {
        const { license } = await dashboardLicense(ctx, userId, params.id, "read");
        return ok({ sessions: (await listActiveSessions(ctx, license.id)).map(presentSession) });
      },
      { params: Type.Object({ id: Id }), detail: { summary: "List active sessions for a license", ...answers(Type.Object({ sessions: Type.Array(SessionSchema) }, { additionalProperties: false })), tags } },
    )
    .post(
      "/revoke-all",
      async ({ acting, userId, params }) => {
        const { license, orgId } = await dashboardLicense(ctx, userId, params.id, "manageSessions");
        return ok(await revokeAllSessions(acting, license, orgId));
      },
      { params: Type.Object({ id: Id }), detail: { summary: "Kill all sessions for a license", ...answers(Count("revoked")), tags } },
    )
    .post(
      "/:sessionId/revoke",
      async ({ acting, userId, params }) => {
        const { license, orgId } = await dashboardLicense(ctx, userId, params.id, "manageSessions");
        await revokeSession(acting, license, orgId, params.sessionId);
        return ok({ revoked: 1 });
      },
      { params: Type.Object({ id: Id, sessionId: Id }), detail: { summary: "Kill a specific session", ...answers(Count("revoked")), tags } },
    );
}
