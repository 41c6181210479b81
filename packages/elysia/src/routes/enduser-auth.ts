import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import {
  EndUserForgotPasswordBody,
  EndUserLoginBody,
  EndUserRefreshBody,
  EndUserRegisterBody,
  EndUserResetPasswordBody,
  EndUserSchema,
  EndUserTokenPairSchema,
  PortalLicenseSchema,
  Nullable,
  forgotEndUserPassword,
  loginEndUser,
  logoutEndUser,
  presentEndUser,
  presentMyLicense,
  refreshEndUser,
  registerEndUser,
  resetEndUserPassword,
  type GgContext,
} from "@geckoguard/core";
import { clientIpOf } from "../http/client-ip.ts";
import { requestPlace } from "../http/change-origin.ts";
import { ok } from "../http/envelope.ts";
import { answerHoldsSecret, checkIdempotencyKey } from "../http/idempotency.ts";
import { limitAuthAttempts, limitByIp, stringField } from "../http/rate-limit.ts";
import { noSoonerThan } from "../http/steady-duration.ts";
import { answers } from "../openapi/answer-doc.ts";
import { Done } from "../openapi/answer-shapes.ts";

const tags = ["End-user portal: auth"];
/** Like the dashboard's forgot-password: the same time whether or not the account exists. */
const FORGOT_PASSWORD_ANSWER_MS = 50;

/**
 * The per-account auth bucket's key for an end user: org and login, so the dashboard's
 * buckets and each org's portal count apart while sharing the per-IP auth bucket.
 */
function portalAccountOf(body: unknown, field: string): string | null {
  const orgId = stringField(body, "orgId");
  const login = stringField(body, field);
  return orgId === null || login === null ? null : `end_user:${orgId}:${login.trim().toLowerCase()}`;
}

/**
 * /v1/enduser/auth/*: the portal's account routes, with the dashboard's guarantees
 * (docs/portal.md#accounts): the per-IP bucket, the auth buckets on register, login
 * and forgot-password, Idempotency-Key scoped to the client IP, token answers never stored.
 */
export function endUserAuthRoutes(ctx: GgContext) {
  const byLogin = limitAuthAttempts(ctx, (body) => portalAccountOf(body, "login"));
  const byEmail = limitAuthAttempts(ctx, (body) => portalAccountOf(body, "email"));
  return new Elysia({ prefix: "/v1/enduser/auth" })
    .onTransform(limitByIp(ctx))
    .onBeforeHandle((context) => checkIdempotencyKey(ctx, context, `ip:${clientIpOf(context.request)}`))
    .post(
      "/register",
      async (context) => {
        const { body, set } = context;
        const { endUser, license } = await registerEndUser(ctx, body, requestPlace(context));
        set.status = 201;
        return ok({ endUser: presentEndUser(endUser), license: license === null ? null : await presentMyLicense(ctx, license) });
      },
      {
        transform: byEmail,
        body: EndUserRegisterBody,
        detail: {
          summary: "Create a portal account (self-registration, or with an unowned license key it redeems)",
          ...answers(Type.Object({ endUser: EndUserSchema, license: Nullable(PortalLicenseSchema) }, { additionalProperties: false }), {
            status: 201,
            errors: ["PORTAL_DISABLED", "PERMISSION_DENIED", "CONFLICT", "LICENSE_NOT_FOUND", "LICENSE_REVOKED"],
          }),
          tags,
        },
      },
    )
    .post("/login", async ({ body }) => ok(await loginEndUser(ctx, body)), {
      transform: [answerHoldsSecret, byLogin],
      body: EndUserLoginBody,
      detail: { summary: "Exchange email or username + password for a portal token pair", ...answers(EndUserTokenPairSchema, { errors: ["INVALID_CREDENTIALS", "PORTAL_DISABLED"] }), tags },
    })
    .post("/refresh", async ({ body }) => ok(await refreshEndUser(ctx, body.refreshToken)), {
      transform: answerHoldsSecret,
      body: EndUserRefreshBody,
      detail: { summary: "Single-use rotation of a portal refresh token", ...answers(EndUserTokenPairSchema, { errors: ["UNAUTHORIZED", "REFRESH_TOKEN_REUSED", "PORTAL_DISABLED"] }), tags },
    })
    .post(
      "/logout",
      async ({ body }) => {
        await logoutEndUser(ctx, body.refreshToken);
        return ok({ loggedOut: true });
      },
      { body: EndUserRefreshBody, detail: { summary: "End a portal login", ...answers(Done("loggedOut"), { errors: ["UNAUTHORIZED", "PORTAL_DISABLED"] }), tags } },
    )
    .post(
      "/forgot-password",
      async ({ body }) => {
        await noSoonerThan(FORGOT_PASSWORD_ANSWER_MS, () => forgotEndUserPassword(ctx, body));
        return ok({ message: "If an account exists for this email, a reset link was sent" });
      },
      {
        transform: byEmail,
        body: EndUserForgotPasswordBody,
        detail: { summary: "Mail a portal password reset link", ...answers(Type.Object({ message: Type.String() }, { additionalProperties: false }), { errors: ["PORTAL_DISABLED"] }), tags },
      },
    )
    .post(
      "/reset-password",
      async (context) => {
        await resetEndUserPassword(ctx, context.body, requestPlace(context));
        return ok({ passwordReset: true });
      },
      { body: EndUserResetPasswordBody, detail: { summary: "Set a password with a mailed reset or invitation token", ...answers(Done("passwordReset"), { errors: ["UNAUTHORIZED", "PORTAL_DISABLED"] }), tags } },
    );
}
