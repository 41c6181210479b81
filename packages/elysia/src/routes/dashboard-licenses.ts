import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import { LicenseSchema, RedeemBody, dashboardLicense as loadLicense, redeemLicense, type GgContext } from "@geckoguard/core";
import { ok } from "../http/envelope.ts";
import { answerHoldsLicenseKeys } from "../http/no-store.ts";
import { requireUser } from "../http/require-user.ts";
import { dashboardLicense } from "./license-presenters.ts";
import { actionOf, userOf } from "./operations/credential-reach.ts";
import { licenseActionOperations, licenseOperations as op, type LicenseReach, type LicensesReach } from "./operations/license-operations.ts";
import { mountOperations, type ReachOf } from "./operations/mount-operations.ts";
import { answers } from "../openapi/answer-doc.ts";
import { One } from "../openapi/answer-shapes.ts";

const tags = ["Licenses"];
const LicenseParams = Type.Object({ id: Type.String({ format: "uuid" }) });

/** Every org the user is a member of; dashboard answers always carry owner fields. */
const everyOrgReach: ReachOf<LicensesReach> = (context) => ({ scope: { kind: "user", userId: userOf(context) }, includeOwner: true });

/** /v1/dashboard/licenses…: every license the user can see, one license by id, redeem. */
export function dashboardLicenseRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/dashboard/licenses" }).use(requireUser(ctx)).onTransform(answerHoldsLicenseKeys);
  // Another tenant's license reads as not found.
  const licenseReach: ReachOf<LicenseReach> = async (context, need) => ({
    ...(await loadLicense(ctx, userOf(context), context.params.id!, actionOf(need))),
    includeOwner: true,
  });
  mountOperations(app, ctx, { tags, reach: everyOrgReach }, [
    { method: "GET", path: "", operation: op.list, summary: "Every license you can see, across your orgs" },
  ]);
  app.post("/redeem", async ({ acting, userId, body }) => ok({ license: dashboardLicense(await redeemLicense(acting, userId, body), ctx.clock.now()) }), {
    body: RedeemBody,
    detail: { summary: "Assign an unowned license to an end user and start its clock", ...answers(One("license", LicenseSchema), { errors: ["LICENSE_NOT_FOUND", "LICENSE_REVOKED", "CONFLICT", "FORBIDDEN", "PERMISSION_DENIED", "NOT_FOUND"] }), tags },
  });
  return mountOperations(app, ctx, { tags, reach: licenseReach }, [
    { method: "GET", path: "/:id", operation: op.get, params: LicenseParams, summary: "Get single license details" },
    { method: "PATCH", path: "/:id", operation: op.patch, params: LicenseParams, summary: "Update license (status, expiry, policy, freeze, note, metadata)" },
    { method: "DELETE", path: "/:id", operation: op.remove, params: LicenseParams, summary: "Delete a license" },
    ...licenseActionOperations.map(({ path, operation }) => ({ method: "POST" as const, path: `/:id/${path}`, operation, params: LicenseParams, summary: `${path} a license` })),
  ]);
}
