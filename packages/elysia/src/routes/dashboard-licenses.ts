import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import {
  ListLicensesQuery,
  PatchLicenseBody,
  RedeemBody,
  applyLicenseAction,
  dashboardLicense as loadLicense,
  deleteLicense,
  listLicenses,
  patchLicense,
  redeemLicense,
  type GgContext,
  type LicenseAction,
} from "@geckoguard/core";
import { ok } from "../http/envelope.ts";
import { answerHoldsLicenseKeys } from "../http/no-store.ts";
import { requireUser } from "../http/require-user.ts";
import { dashboardLicense, licensePage } from "./license-presenters.ts";

const tags = ["Licenses"];
const LicenseParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const ACTIONS: Record<string, LicenseAction> = { revoke: "revoke", unrevoke: "unrevoke", "reset-hwid": "reset_hwid", "reset-ip": "reset_ip" };

/** /v1/dashboard/licenses…: every license the user can see, one license by id, redeem. */
export function dashboardLicenseRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/dashboard/licenses" })
    .use(requireUser(ctx))
    .onTransform(answerHoldsLicenseKeys)
    .get(
      "",
      async ({ userId, query }) => {
        const { items, pagination } = await listLicenses(ctx, { kind: "user", userId }, query);
        return ok(licensePage(items, pagination, ctx.clock.now(), true));
      },
      { query: ListLicensesQuery, detail: { summary: "Every license you can see, across your orgs", tags } },
    )
    .post(
      "/redeem",
      async ({ userId, body }) => ok({ license: dashboardLicense(await redeemLicense(ctx, userId, body), ctx.clock.now()) }),
      { body: RedeemBody, detail: { summary: "Assign an unowned license to an end user and start its clock", tags } },
    )
    .get(
      "/:id",
      async ({ userId, params }) => ok({ license: dashboardLicense((await loadLicense(ctx, userId, params.id, "read")).license, ctx.clock.now()) }),
      { params: LicenseParams, detail: { summary: "Get single license details", tags } },
    )
    .patch(
      "/:id",
      async ({ userId, params, body }) => {
        const { license, orgId } = await loadLicense(ctx, userId, params.id, "manageLicenses");
        return ok({ license: dashboardLicense(await patchLicense(ctx, license, orgId, body), ctx.clock.now()) });
      },
      { params: LicenseParams, body: PatchLicenseBody, detail: { summary: "Update license (status, expiry, policy, freeze, note, metadata)", tags } },
    )
    .delete(
      "/:id",
      async ({ userId, params }) => {
        await deleteLicense(ctx, (await loadLicense(ctx, userId, params.id, "manageLicenses")).license);
        return ok({ deleted: 1 });
      },
      { params: LicenseParams, detail: { summary: "Delete a license", tags } },
    );
  for (const [path, action] of Object.entries(ACTIONS)) {
    app.post(
      `/:id/${path}`,
      async ({ userId, params }) => {
        const { license } = await loadLicense(ctx, userId, params.id, "manageLicenses");
        return ok({ license: dashboardLicense(await applyLicenseAction(ctx, license, action), ctx.clock.now()) });
      },
      { params: LicenseParams, detail: { summary: `${path} a license`, tags } },
    );
  }
  return app;
}
