import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import {
  EndUserSchema,
  IdParam,
  PortalLicenseSchema,
  PortalRedeemBody,
  SessionSchema,
  SingleLine,
  UpdateEndUserMeBody,
  deactivateMyDevice,
  listMyLicenses,
  listMySessions,
  myLicense,
  pageQuerySchema,
  presentEndUser,
  presentMyLicense,
  presentSession,
  redeemMyLicense,
  resetMyHwids,
  revokeMySession,
  updateEndUserMe,
  type GgContext,
} from "@geckoguard/core";
import { ok } from "../http/envelope.ts";
import { requireEndUser } from "../http/require-end-user.ts";
import { answers } from "../openapi/answer-doc.ts";
import { Count, One, Page } from "../openapi/answer-shapes.ts";

const tags = ["End-user portal"];
const LicenseParams = Type.Object({ id: IdParam });
const DeviceParams = Type.Object({ id: IdParam, hwid: SingleLine({ minLength: 1, maxLength: 256 }) });
const SessionParams = Type.Object({ id: IdParam, sessionId: IdParam });
const MyLicense = One("license", PortalLicenseSchema);

/**
 * /v1/enduser/*: what a signed-in customer does for themself (docs/portal.md). Every
 * license and session is looked up as the caller's own: another customer's reads as 404.
 */
export function endUserSelfServiceRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/enduser" })
    .use(requireEndUser(ctx))
    .get("/me", ({ caller }) => ok({ endUser: presentEndUser(caller.endUser) }), {
      detail: { summary: "The signed-in end user", ...answers(One("endUser", EndUserSchema)), tags },
    })
    .patch("/me", async ({ acting, caller, body }) => ok({ endUser: presentEndUser(await updateEndUserMe(acting, caller, body)) }), {
      body: UpdateEndUserMeBody,
      detail: { summary: "Change username, email or password (email and password need currentPassword)", ...answers(One("endUser", EndUserSchema), { errors: ["INVALID_CREDENTIALS", "CONFLICT"] }), tags },
    })
    .get(
      "/licenses",
      async ({ caller, query }) => {
        const { items, pagination } = await listMyLicenses(ctx, caller, query);
        return ok({ licenses: items, pagination });
      },
      { query: Type.Object(pageQuerySchema()), detail: { summary: "My licenses, with product, devices and live sessions", ...answers(Page("licenses", PortalLicenseSchema)), tags } },
    )
    .post(
      "/licenses/redeem",
      async ({ acting, caller, body, set }) => {
        const license = await redeemMyLicense(acting, caller, body.key);
        set.status = 201;
        return ok({ license });
      },
      { body: PortalRedeemBody, detail: { summary: "Redeem an unowned license key of the vendor", ...answers(MyLicense, { status: 201, errors: ["LICENSE_NOT_FOUND", "LICENSE_REVOKED", "CONFLICT"] }), tags } },
    )
    .get("/licenses/:id", async ({ caller, params }) => ok({ license: await presentMyLicense(ctx, await myLicense(ctx, caller, params.id)) }), {
      params: LicenseParams,
      detail: { summary: "One of my licenses", ...answers(MyLicense), tags },
    })
    .post("/licenses/:id/reset-hwid", async ({ acting, caller, params }) => ok({ license: await presentMyLicense(ctx, await resetMyHwids(acting, caller, params.id)) }), {
      params: LicenseParams,
      detail: { summary: "Unbind every device of my license (cooldown and 30-day cap)", ...answers(MyLicense, { errors: ["RESET_COOLDOWN", "PERMISSION_DENIED"] }), tags },
    })
    .delete(
      "/licenses/:id/hwids/:hwid",
      async ({ acting, caller, params }) => ok({ license: await presentMyLicense(ctx, await deactivateMyDevice(acting, caller, params.id, params.hwid)) }),
      { params: DeviceParams, detail: { summary: "Deactivate one device of my license (cooldown and 30-day cap)", ...answers(MyLicense, { errors: ["RESET_COOLDOWN", "PERMISSION_DENIED"] }), tags } },
    )
    .get("/licenses/:id/sessions", async ({ caller, params }) => ok({ sessions: (await listMySessions(ctx, caller, params.id)).map(presentSession) }), {
      params: LicenseParams,
      detail: { summary: "Live sessions of my license", ...answers(Type.Object({ sessions: Type.Array(SessionSchema) }, { additionalProperties: false })), tags },
    })
    .post(
      "/licenses/:id/sessions/:sessionId/revoke",
      async ({ acting, caller, params }) => {
        await revokeMySession(acting, caller, params.id, params.sessionId);
        return ok({ revoked: 1 });
      },
      { params: SessionParams, detail: { summary: "End one live session of my license (when the portal allows it)", ...answers(Count("revoked"), { errors: ["PERMISSION_DENIED"] }), tags } },
    );
}
